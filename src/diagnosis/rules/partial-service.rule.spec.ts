import type { RangingStatus } from '../../domain/modem-reading';
import {
  docsis31Reading,
  dsChannel,
  ofdmaChannel,
  ruleContext,
  textbookReading,
  usChannel,
} from '../test-reading.factory';
import { partialServiceRule } from './partial-service.rule';

describe('partialServiceRule', () => {
  it('finds nothing when every channel is up', () => {
    expect(partialServiceRule(ruleContext(docsis31Reading()))).toEqual([]);
  });

  it('reports each unlocked downstream channel', () => {
    const reading = textbookReading();
    reading.downstream[2] = dsChannel(3, { locked: false });
    reading.downstream[6] = dsChannel(7, { locked: false, powerDbmv: 0 });
    const findings = partialServiceRule(ruleContext(reading));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'PARTIAL_SERVICE_DS',
        severity: 'FAULT',
        unit: 'state',
        channel: expect.objectContaining({ channelId: 3, direction: 'downstream' }),
      }),
      expect.objectContaining({
        code: 'PARTIAL_SERVICE_DS',
        channel: expect.objectContaining({ channelId: 7 }),
      }),
    ]);
    expect(findings[0].message).toBe(
      'Downstream channel 3 (567 MHz) is not locked, so the modem is running on fewer downstream channels than it should.',
    );
  });

  it.each<[string, boolean, RangingStatus, boolean]>([
    ['ranged', false, 'success', false],
    ['muted', true, 'success', true],
    ['aborted', false, 'aborted', true],
    ['retriesExceeded', false, 'retriesExceeded', true],
    ['continue', false, 'continue', true],
    ['timeoutT4', false, 'timeoutT4', true],
    ['other', false, 'other', true],
  ])('upstream SC-QAM and OFDMA channels %s: reported %s', (_label, muted, rangingStatus, reported) => {
    const reading = docsis31Reading();
    reading.upstream[1] = usChannel(2, { muted, rangingStatus });
    reading.ofdma[0] = ofdmaChannel({ muted, rangingStatus });
    const findings = partialServiceRule(ruleContext(reading));
    if (!reported) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'PARTIAL_SERVICE_US',
        severity: 'FAULT',
        unit: 'state',
        channel: expect.objectContaining({ kind: 'SC-QAM', channelId: 2 }),
      }),
      expect.objectContaining({
        code: 'PARTIAL_SERVICE_US',
        severity: 'FAULT',
        channel: expect.objectContaining({ kind: 'OFDMA', channelId: 9 }),
      }),
    ]);
  });

  it('says why an upstream channel is out', () => {
    const reading = textbookReading();
    reading.upstream[1] = usChannel(2, { rangingStatus: 'timeoutT4' });
    const [f] = partialServiceRule(ruleContext(reading));
    expect(f.message).toBe(
      'Upstream channel 2 (22.8 MHz) failed ranging (status timeoutT4), so the modem is running on fewer upstream ' +
        'channels than it should.',
    );
  });
});
