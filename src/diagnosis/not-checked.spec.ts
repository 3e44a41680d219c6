import { diagnose } from './diagnose';
import { notCheckedFor } from './not-checked';
import { toHistoryEntry } from './history';
import {
  cmtsContext,
  cmtsRow,
  diagnosisInput,
  docsis31Reading,
  dsChannel,
  fullDocsis31Reading,
  ofdmaChannel,
  ofdmChannel,
  ofdmaPnm,
  ofdmPnm,
  ruleContext,
  snapshotOf,
  textbookReading,
  usChannel,
} from './test-reading.factory';

function codes(reading = textbookReading(), patch: Parameters<typeof ruleContext>[1] = {}): string[] {
  return notCheckedFor(ruleContext(reading, patch)).map((n) => n.code);
}

describe('notCheckedFor: the DOCSIS 3.1 PNM summaries', () => {
  it('lists nothing when a full poll read them all, and nothing about them after a fast poll', () => {
    expect(codes(fullDocsis31Reading())).toEqual([]);
    expect(codes(docsis31Reading())).toEqual([]);
  });

  it('names the channel, the table and why: a measurement not ready, or no row', () => {
    const reading = fullDocsis31Reading(
      {
        pnm: ofdmPnm({
          rxMer: { status: 'inactive', stdDevDb: null, percentile: null, percentileDb: null },
          channelEstimate: { status: null, ampRipplePkPkDb: null },
        }),
      },
      { pnm: ofdmaPnm({ preEq: { status: 'busy', ampRipplePkPkDb: null }, coAdjStatus: 'success' }) },
    );
    const listed = notCheckedFor(ruleContext(reading));
    expect(listed.map((n) => n.code)).toEqual(['PNM_SUMMARIES', 'PNM_SUMMARIES']);
    expect(listed[0].reason).toBe(
      'DOCSIS 3.1 PNM summaries not read for OFDM downstream channel 33 (PLC 957 MHz) (RxMER statistics: its ' +
        'measurement is inactive, not sampleReady (docsPnmCmDsOfdmRxMerTable); channel estimate: the modem gives ' +
        'no docsPnmCmOfdmChanEstCoefTable row for it), so ingress inside the channel, echoes, tilt and group delay ' +
        'in it were not checked from them.',
    );
    expect(listed[1].reason).toMatch(
      /^DOCSIS 3\.1 PNM summaries not read for OFDMA upstream channel 9 \(pre-equaliser: its measurement is busy/,
    );
  });
});

describe('notCheckedFor', () => {
  it('is empty when everything the rules grade was read, zeros included', () => {
    const zeros = textbookReading({
      status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
      upstream: [usChannel(1, { t3Timeouts: 0, t4Timeouts: 0, t3Exceededs: 0 })],
      downstream: [dsChannel(1, { unerrored: 0n, corrected: 0n, uncorrectable: 0n })],
    });
    expect(codes(zeros)).toEqual([]);
    expect(codes(docsis31Reading())).toEqual([]);
  });

  it.each`
    counter          | patch
    ${'t3Timeouts'}  | ${{ t3Timeouts: null }}
    ${'t4Timeouts'}  | ${{ t4Timeouts: null }}
    ${'t3Exceededs'} | ${{ t3Exceededs: null }}
  `('lists upstream timeouts when $counter was not read', ({ patch }) => {
    const reading = textbookReading({ upstream: [usChannel(1), usChannel(2, patch)] });
    expect(codes(reading)).toEqual(['T3_T4_TIMEOUTS']);
  });

  it('says which counters and which tables are missing', () => {
    const reading = textbookReading({
      upstream: [usChannel(1, { t3Timeouts: null, t4Timeouts: null, t3Exceededs: null })],
    });
    expect(notCheckedFor(ruleContext(reading))).toEqual([
      {
        code: 'T3_T4_TIMEOUTS',
        reason:
          'Upstream T3 timeouts, T4 timeouts, T3 retries exhausted (T3 exceeded) not read: the modem has no ' +
          'docsIf3CmStatusUsTable (and no docsIfCmStatus T3/T4 counters on its MAC interface).',
      },
    ]);
  });

  it('counts an OFDMA channel without timeouts as not read too', () => {
    const reading = docsis31Reading({ ofdma: [ofdmaChannel({ t4Timeouts: null })] });
    expect(codes(reading)).toEqual(['T3_T4_TIMEOUTS']);
  });

  it('lists the registration state when neither status table answered, and grades the line anyway', () => {
    const reading = textbookReading({
      status: { value: null, name: 'not read', resets: 0, lostSyncs: 0 },
    });
    expect(codes(reading)).toEqual(['REGISTRATION_STATE']);
    const d = diagnose(diagnosisInput(reading));
    expect({ verdict: d.verdict, notChecked: d.notChecked.map((n) => n.code) }).toEqual({
      verdict: 'TEXTBOOK_OK',
      notChecked: ['REGISTRATION_STATE'],
    });
    expect('statusValue' in toHistoryEntry(reading)).toBe(false);
  });

  it('lists re-initialisations only when neither the resets counter nor the CMTS registration time is known', () => {
    const reading = textbookReading({
      status: { value: 12, name: 'operational', resets: null, lostSyncs: null },
    });
    expect(codes(reading)).toEqual(['RF_REINIT']);
    expect(codes(reading, { cmts: cmtsContext({ row: cmtsRow({ lastRegAt: 1 }) }) })).toEqual([]);
  });

  it('lists downstream channels whose codeword counters were not read, by name', () => {
    const reading = textbookReading({
      downstream: [dsChannel(1), dsChannel(2, { unerrored: null, corrected: null, uncorrectable: null })],
    });
    const [entry] = notCheckedFor(ruleContext(reading));
    expect(entry.code).toBe('CODEWORDS');
    expect(entry.reason).toContain('Downstream channel 2 (561 MHz)');
  });

  it('lists an OFDM channel without a complete profile counter row', () => {
    const reading = docsis31Reading({ ofdm: [ofdmChannel({ profiles: [] })] });
    expect(notCheckedFor(ruleContext(reading))).toEqual([
      {
        code: 'CODEWORDS',
        reason:
          'Codeword error counters not read for OFDM downstream channel 33 (PLC 957 MHz): the modem answers no ' +
          'complete docsIf31CmDsOfdmProfileStats row.',
      },
    ]);
  });

  it('lists 32-bit codeword counters until a baseline lets their change be graded', () => {
    const reading = textbookReading({ downstream: [dsChannel(1, { counterBits: 32 })] });
    const [entry] = notCheckedFor(ruleContext(reading));
    expect(entry.reason).toMatch(/^Codeword error ratios not graded yet for any downstream channel/);

    const before = textbookReading({ observedAt: reading.observedAt - 30 * 60_000 });
    before.uptimeSec -= 30 * 60;
    before.downstream = [dsChannel(1, { unerrored: 1_000_000_000n, counterBits: 32 })];
    expect(codes(reading, { counterBaseline: snapshotOf(before, 0) })).toEqual([]);
  });

  it.each`
    bridgeTable        | reason
    ${'absent'}        | ${'the modem does not expose its bridge table (dot1dTpFdbTable)'}
    ${'withoutStatus'} | ${'its bridge table has no status column (dot1dTpFdbStatus)'}
  `(
    'lists CPE presence when nothing is listed and the bridge table is $bridgeTable',
    ({ bridgeTable, reason }) => {
      const reading = textbookReading({ cpes: [], cpeMacs: null, bridgeTable });
      const [entry] = notCheckedFor(ruleContext(reading));
      expect(entry.code).toBe('CPE_PRESENCE');
      expect(entry.reason).toContain(reason);
      // A device on any source answers the question anyway.
      expect(codes(textbookReading({ cpeMacs: null, bridgeTable }))).toEqual([]);
    },
  );
});

describe('diagnose with counters not read', () => {
  it('carries notChecked beside a verdict graded from what was read', () => {
    const reading = textbookReading({
      upstream: [usChannel(1, { t3Exceededs: null })],
      cpes: [],
      cpeMacs: null,
      bridgeTable: 'withoutStatus',
    });
    const d = diagnose(diagnosisInput(reading));
    expect(d.verdict).toBe('TEXTBOOK_OK');
    expect(d.subKinds).toEqual([]);
    expect(d.notChecked.map((n) => n.code)).toEqual(['T3_T4_TIMEOUTS', 'CPE_PRESENCE']);
    expect(d.summary).not.toContain('docsIf');
  });
});

describe('toHistoryEntry', () => {
  it('leaves counters that were not read out of the entry, and keeps read zeros', () => {
    const reading = textbookReading({
      status: { value: 12, name: 'operational', resets: null, lostSyncs: 0 },
      upstream: [usChannel(1, { t3Timeouts: 0, t4Timeouts: 0, t3Exceededs: null })],
    });
    const entry = toHistoryEntry(reading);
    expect(entry).toEqual(expect.objectContaining({ t3: 0, t4: 0 }));
    expect('resets' in entry).toBe(false);
    expect('t3Exceeded' in entry).toBe(false);
  });
});
