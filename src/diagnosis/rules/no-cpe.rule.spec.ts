import { cmtsContext, cmtsRow, ruleContext, textbookReading } from '../test-reading.factory';
import type { CmtsContext } from '../../domain/diagnosis';
import { noCpeRule } from './no-cpe.rule';

const ROUTER_IP = { ip: '192.168.0.10', source: 'learned' } as const;
const ROUTER_MAC = 'a4:2b:b0:00:00:01';

describe('noCpeRule', () => {
  it('is silent when a device is behind the modem', () => {
    expect(noCpeRule(ruleContext(textbookReading()))).toEqual([]);
  });

  it('emits an INFO finding when the CPE list is empty', () => {
    expect(noCpeRule(ruleContext(textbookReading({ cpes: [] })))).toEqual([
      expect.objectContaining({ code: 'NO_CPE_DETECTED', severity: 'INFO', observed: 0, unit: 'count' }),
    ]);
  });

  it.each`
    label                                        | cpes           | cpeMacs         | cmts                                              | reported
    ${'CPE table only'}                          | ${[ROUTER_IP]} | ${[]}           | ${undefined}                                      | ${false}
    ${'bridge MAC only'}                         | ${[]}          | ${[ROUTER_MAC]} | ${undefined}                                      | ${false}
    ${'CMTS CPE only'}                           | ${[]}          | ${[]}           | ${cmtsContext()}                                  | ${false}
    ${'CMTS CPE only, row not online'}           | ${[]}          | ${[]}           | ${cmtsContext({ row: cmtsRow({ regState: 2 }) })} | ${false}
    ${'nothing anywhere, CMTS row without CPEs'} | ${[]}          | ${[]}           | ${cmtsContext({ row: cmtsRow({ cpes: [] }) })}    | ${true}
    ${'nothing anywhere, CMTS without a row'}    | ${[]}          | ${[]}           | ${cmtsContext({ row: null })}                     | ${true}
    ${'nothing anywhere, no CMTS data'}          | ${[]}          | ${[]}           | ${undefined}                                      | ${true}
  `('$label: reported $reported', ({ cpes, cpeMacs, cmts, reported }) => {
    const ctx = ruleContext(textbookReading({ cpes, cpeMacs }), { cmts: cmts as CmtsContext | undefined });
    expect(noCpeRule(ctx).map((f) => f.code)).toEqual(reported ? ['NO_CPE_DETECTED'] : []);
  });
});

describe('noCpeRule evidence', () => {
  it.each`
    label                                           | cpeMacs | bridgeTable        | reported
    ${'bridge table with status, no learned entry'} | ${[]}   | ${'withStatus'}    | ${true}
    ${'bridge table without a status column'}       | ${null} | ${'withoutStatus'} | ${false}
    ${'no bridge table'}                            | ${null} | ${'absent'}        | ${false}
  `('$label: reported $reported', ({ cpeMacs, bridgeTable, reported }) => {
    const ctx = ruleContext(textbookReading({ cpes: [], cpeMacs, bridgeTable }));
    expect(noCpeRule(ctx).map((f) => f.code)).toEqual(reported ? ['NO_CPE_DETECTED'] : []);
  });
});
