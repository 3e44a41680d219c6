import { cmtsContext, cmtsRow, ruleContext, textbookReading } from '../test-reading.factory';
import type { SubKind } from '../../domain/diagnosis';
import { cmtsPartialServiceRule } from './cmts-partial-service.rule';

function withState(partialSvcState: number | null, regState = 8) {
  return ruleContext(textbookReading(), {
    cmts: cmtsContext({ row: cmtsRow({ partialSvcState, regState }) }),
  });
}

describe('cmtsPartialServiceRule', () => {
  it.each<[string, number | null, SubKind[]]>([
    ['other', 1, []],
    ['none', 2, []],
    ['partialSvcDsOnlyImpaired', 3, ['PARTIAL_SERVICE_DS']],
    ['partialSvcUsOnlyImpaired', 4, ['PARTIAL_SERVICE_US']],
    ['partialSvcDsAndUsImpaired', 5, ['PARTIAL_SERVICE_DS', 'PARTIAL_SERVICE_US']],
    ['not reported (DOCSIS 3.0 CMTS)', null, []],
  ])('PartialSvcState %s (%p) gives %j', (_label, state, codes) => {
    const findings = cmtsPartialServiceRule(withState(state));
    expect(findings.map((f) => f.code)).toEqual(codes);
    for (const f of findings) {
      expect(f).toEqual(
        expect.objectContaining({ severity: 'FAULT', observed: state, limit: 2, unit: 'state' }),
      );
      expect(f.channel).toBeUndefined();
    }
  });

  it('says which direction is impaired', () => {
    expect(cmtsPartialServiceRule(withState(4)).map((f) => f.message)).toEqual([
      "The network reports some of this modem's upstream channels as impaired, so it is running on fewer " +
        'upstream channels than it should.',
    ]);
  });

  it('is silent for a row the CMTS does not have online, or without a row', () => {
    expect(cmtsPartialServiceRule(withState(5, 2))).toEqual([]);
    expect(
      cmtsPartialServiceRule(ruleContext(textbookReading(), { cmts: cmtsContext({ row: null }) })),
    ).toEqual([]);
    expect(cmtsPartialServiceRule(ruleContext(textbookReading()))).toEqual([]);
  });
});
