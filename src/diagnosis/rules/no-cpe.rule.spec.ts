import { ruleContext, textbookReading } from '../test-reading.factory';
import { noCpeRule } from './no-cpe.rule';

describe('noCpeRule', () => {
  it('is silent when a device is behind the modem', () => {
    expect(noCpeRule(ruleContext(textbookReading()))).toEqual([]);
  });

  it('emits an INFO finding when the CPE list is empty', () => {
    expect(noCpeRule(ruleContext(textbookReading({ cpes: [] })))).toEqual([
      expect.objectContaining({ code: 'NO_CPE_DETECTED', severity: 'INFO', observed: 0, unit: 'count' }),
    ]);
  });
});
