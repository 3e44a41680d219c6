import type { Finding } from '../domain/diagnosis';
import type { Dispatch } from '../domain/dispatch';
import { toDecisionRecord } from './decision-record';

function finding(code: Finding['code'], severity: Finding['severity'], ifIndex: number): Finding {
  return {
    code,
    severity,
    channel: { direction: 'downstream', kind: 'SC-QAM', ifIndex, channelId: ifIndex, frequencyHz: 0 },
    observed: 1,
    limit: 2,
    unit: 'dB',
    message: 'x',
  };
}

describe('toDecisionRecord', () => {
  it('keeps each FAULT and MARGINAL code once per severity, the place, and what dispatch decided', () => {
    const dispatch = {
      needed: true,
      urgency: 'SAME_DAY',
      skill: 'INSTALL_TECH',
      confirmation: { confirmed: true },
    } as unknown as Dispatch;
    const record = toDecisionRecord(
      'cm-1',
      1_000,
      {
        verdict: 'LINE_FAULT',
        subKinds: ['LOW_DS_SNR'],
        findings: [
          finding('LOW_DS_SNR', 'FAULT', 1),
          finding('LOW_DS_SNR', 'FAULT', 2),
          finding('LOW_DS_SNR', 'MARGINAL', 3),
          finding('HIGH_CORRECTED', 'INFO', 1),
        ],
        location: { place: 'DROP' } as never,
      },
      dispatch,
    );
    expect(record).toEqual({
      modemId: 'cm-1',
      at: 1_000,
      verdict: 'LINE_FAULT',
      subKinds: ['LOW_DS_SNR'],
      findings: [
        { code: 'LOW_DS_SNR', severity: 'FAULT' },
        { code: 'LOW_DS_SNR', severity: 'MARGINAL' },
      ],
      place: 'DROP',
      dispatch: { needed: true, urgency: 'SAME_DAY', skill: 'INSTALL_TECH', confirmed: true },
    });
    expect(
      toDecisionRecord('cm-1', 1_000, { verdict: 'TEXTBOOK_OK', subKinds: [], findings: [] }, dispatch).place,
    ).toBeNull();
  });
});
