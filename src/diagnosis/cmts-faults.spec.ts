import { cmtsRowFaultKinds, cmtsRowFindings } from './cmts-faults';
import { cmtsRow, cmtsUpstream } from './test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';

describe('cmtsRowFaultKinds', () => {
  it('is empty for a textbook row', () => {
    expect(cmtsRowFaultKinds(cmtsRow(), 0, DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('lists each FAULT sub-kind of the three CMTS rules once, in SUB_KINDS order, leaving out MARGINAL ones', () => {
    const row = cmtsRow({
      partialSvcState: 5,
      upstream: [
        cmtsUpstream(1, { snrDb: 20, rxPowerDbmv: 3 }),
        cmtsUpstream(2, { snrDb: 21, rxPowerDbmv: -7 }),
        cmtsUpstream(3, { rxPowerDbmv: -8 }),
      ],
    });
    expect(cmtsRowFaultKinds(row, 0, DEFAULT_THRESHOLDS)).toEqual([
      'PARTIAL_SERVICE_DS',
      'PARTIAL_SERVICE_US',
      'US_RX_OFFSET',
      'LOW_US_SNR',
    ]);
  });

  it('leaves out MARGINAL sub-kinds', () => {
    const row = cmtsRow({ upstream: [cmtsUpstream(1, { snrDb: 27, rxPowerDbmv: 4 })] });
    expect(cmtsRowFindings(row, 0, DEFAULT_THRESHOLDS).map((f) => f.severity)).toEqual([
      'MARGINAL',
      'MARGINAL',
    ]);
    expect(cmtsRowFaultKinds(row, 0, DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('grades against the given set point', () => {
    const row = cmtsRow({ upstream: [cmtsUpstream(1, { rxPowerDbmv: 0 })] });
    expect(cmtsRowFaultKinds(row, 0, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(cmtsRowFaultKinds(row, 7, DEFAULT_THRESHOLDS)).toEqual(['US_RX_OFFSET']);
  });

  it('gives nothing for a row the CMTS does not have online, as the rules do', () => {
    const patch = { partialSvcState: 5, upstream: [cmtsUpstream(1, { snrDb: 10 })] };
    expect(cmtsRowFaultKinds(cmtsRow({ ...patch, regState: 2 }), 0, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(cmtsRowFaultKinds(cmtsRow({ ...patch, regState: 8 }), 0, DEFAULT_THRESHOLDS)).toEqual([
      'PARTIAL_SERVICE_DS',
      'PARTIAL_SERVICE_US',
      'LOW_US_SNR',
    ]);
  });
});
