import type { Finding, Neighbourhood, NeighbourPreEq, PreEqSummary } from '../domain/diagnosis';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { echoClusters, locateFault } from './fault-location';

const t = DEFAULT_THRESHOLDS.preEq;

function summary(patch: Partial<PreEqSummary> = {}): PreEqSummary {
  return {
    ifIndex: 4,
    channelId: 1,
    mtrDb: 40,
    grade: 'TEXTBOOK',
    distortion: 'NONE',
    echo: null,
    shortEcho: false,
    ...patch,
  };
}

const echoAt = (delayTaps: number, distanceM: number | null = delayTaps * 25.48): Partial<PreEqSummary> => ({
  mtrDb: 14,
  grade: 'FAULT',
  distortion: 'MICRO_REFLECTION',
  echo: { delayTaps, levelDbc: -14, distanceM },
});

function neighbour(id: string, patch: Partial<PreEqSummary> = {}): NeighbourPreEq {
  return { ...summary(patch), modemId: id, at: 0, source: 'modem' };
}

function node(preEq: NeighbourPreEq[], patch: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    cmtsId: 'c',
    mdIfIndex: 1000,
    sgId: 1,
    groupKey: '1000.1',
    groupedBy: 'serviceGroup',
    observedAt: 0,
    others: preEq.length,
    notInInventory: 0,
    othersOffline: 0,
    faultCounts: {},
    preEq,
    ...patch,
  };
}

const clean = (n: number): NeighbourPreEq[] => Array.from({ length: n }, (_, i) => neighbour(`n${i}`));
const locate = (preEq: PreEqSummary | null, neighbourhood?: Neighbourhood, findings: Finding[] = []) =>
  locateFault({ modemId: 'me', preEq, findings, neighbourhood, t });

describe('locateFault', () => {
  it('puts an echo within a drop length that only this modem shows in the drop', () => {
    const l = locate(summary(echoAt(2)), node(clean(4)));
    expect(l).toEqual(
      expect.objectContaining({ place: 'DROP', confidence: 'MEDIUM', neighboursCompared: 4 }),
    );
    expect(l.distanceM).toBeCloseTo(51, 0);
    expect(l.distanceFt).toBe(167);
  });

  it('says UNKNOWN, not "only this home", without enough neighbours compared; the distance is still given', () => {
    for (const n of [undefined, node([]), node(clean(1))]) {
      const l = locate(summary(echoAt(2)), n);
      expect(l.place).toBe('UNKNOWN');
      expect(l.distanceM).toBeCloseTo(51, 0);
      expect(l.evidence.map((e) => e.code)).toEqual(['ECHO', 'NEIGHBOURS_NOT_COMPARED']);
    }
  });

  it('says UNKNOWN for an echo farther than a drop that only this modem shows', () => {
    expect(locate(summary(echoAt(8)), node(clean(4))).place).toBe('UNKNOWN');
  });

  it('puts a shared echo in a tap or amplifier, and in the plant when most of the node shows it', () => {
    const tap = locate(
      summary(echoAt(6)),
      node([...clean(6), neighbour('a', echoAt(6.4)), neighbour('b', echoAt(5.3))]),
    );
    expect(tap).toEqual(
      expect.objectContaining({ place: 'TAP_OR_AMPLIFIER', confidence: 'HIGH', sharedWith: ['a', 'b'] }),
    );
    const plant = locate(summary(echoAt(6)), node([neighbour('a', echoAt(6)), neighbour('b', clean(1)[0])]));
    expect(plant).toEqual(
      expect.objectContaining({ place: 'PLANT', confidence: 'MEDIUM', sharedWith: ['a'] }),
    );
  });

  it('does not share an echo more than a tap apart, on another channel, or with a textbook neighbour', () => {
    const others = [
      neighbour('far', echoAt(7.5)),
      neighbour('otherChannel', { ...echoAt(6), channelId: 2 }),
      neighbour('fine', { ...echoAt(6), grade: 'TEXTBOOK', mtrDb: 30 }),
      neighbour('n1'),
    ];
    const l = locate(summary(echoAt(6)), node(others));
    expect(l.sharedWith).toEqual([]);
    expect(l.neighboursCompared).toBe(3);
  });

  it('puts energy next to the main tap in the home, surer with clean neighbours', () => {
    const home = summary({ mtrDb: 19.5, grade: 'MARGINAL', distortion: 'MICRO_REFLECTION', shortEcho: true });
    expect(locate(home, node(clean(3)))).toEqual(
      expect.objectContaining({ place: 'HOME', confidence: 'MEDIUM', distanceM: null }),
    );
    expect(locate(home, undefined)).toEqual(expect.objectContaining({ place: 'HOME', confidence: 'LOW' }));
  });

  it('reads low downstream with high upstream: the home alone, the plant when the node shares it', () => {
    const findings = (['LOW_DS_POWER', 'HIGH_US_POWER'] as const).map((code): Finding => ({
      code,
      severity: 'FAULT',
      observed: 0,
      limit: 0,
      unit: 'dBmV',
      message: '',
    }));
    const alone = locate(summary(), node(clean(4)), findings);
    expect(alone.place).toBe('HOME');
    const shared = locate(
      summary(),
      node(clean(4), { faultCounts: { LOW_DS_POWER: 3, HIGH_US_POWER: 3 } }),
      findings,
    );
    expect(shared.place).toBe('PLANT');
  });

  it('says UNKNOWN when the coefficients were not read and the levels say nothing', () => {
    const l = locate(null, node(clean(4)));
    expect(l).toEqual(expect.objectContaining({ place: 'UNKNOWN', confidence: 'LOW', channel: null }));
    expect(l.evidence.map((e) => e.code)).toEqual(['NO_PRE_EQ']);
  });
});

describe('locateFault with the DOCSIS 3.1 PNM summaries of a full poll', () => {
  const ripple = (
    code: 'DS_MICRO_REFLECTION' | 'US_MICRO_REFLECTION',
    kind: 'OFDM' | 'OFDMA' | 'SC-QAM',
    observed: number,
  ): Finding => ({
    code,
    severity: 'FAULT',
    channel: {
      direction: code === 'DS_MICRO_REFLECTION' ? 'downstream' : 'upstream',
      kind,
      ifIndex: 160,
      channelId: 33,
      frequencyHz: 0,
    },
    observed,
    limit: 2.199,
    unit: 'dB',
    message: '',
  });
  const bothWays = [
    ripple('DS_MICRO_REFLECTION', 'OFDM', 2.85),
    ripple('US_MICRO_REFLECTION', 'OFDMA', 2.86),
  ];

  it('puts an echo both ways on this modem, with nothing else to place it, at the drop (LOW), with no distance', () => {
    const l = locate(summary(), node(clean(4)), bothWays);
    expect(l).toEqual(
      expect.objectContaining({ place: 'DROP', confidence: 'LOW', distanceM: null, distanceFt: null }),
    );
    expect(l.evidence.map((e) => e.code)).toEqual(['NO_SIGNATURE', 'RIPPLE_BOTH_WAYS']);
    const fact = l.evidence[1];
    // The downstream ripple and its limit; the message has the upstream's.
    expect(fact).toEqual(expect.objectContaining({ observed: 2.85, limit: 2.199 }));
    expect(fact.message).toMatch(
      /channel estimate 2\.85 dB and the OFDMA pre-equaliser 2\.86 dB peak to peak/,
    );
    expect(fact.message).toMatch(
      /give no distance, and sweeps do not read them, so no neighbour was compared/,
    );
    expect(l.message).toMatch(/the drop or the home wiring.*no distance is known.*ground block/);
  });

  it('backs a home or drop place with it, and says nothing against a place the neighbours share', () => {
    const home = summary({ mtrDb: 19.5, grade: 'MARGINAL', distortion: 'MICRO_REFLECTION', shortEcho: true });
    const atHome = locate(home, node(clean(3)), bothWays);
    expect(atHome).toEqual(expect.objectContaining({ place: 'HOME', confidence: 'MEDIUM' }));
    expect(atHome.evidence.map((e) => e.code)).toEqual([
      'SHORT_ECHO',
      'NEIGHBOURS_CLEAN',
      'RIPPLE_BOTH_WAYS',
    ]);
    const shared = [neighbour('a', echoAt(6)), neighbour('b', echoAt(6)), ...clean(1)];
    const plant = locate(summary(echoAt(6)), node(shared), bothWays);
    expect(['TAP_OR_AMPLIFIER', 'PLANT']).toContain(plant.place);
    expect(plant.evidence.map((e) => e.code)).not.toContain('RIPPLE_BOTH_WAYS');
  });

  it('keeps UNKNOWN for an echo the coefficients put farther than a drop', () => {
    const l = locate(summary(echoAt(8)), node(clean(1)), bothWays);
    expect(l.place).toBe('UNKNOWN');
    expect(l.evidence.map((e) => e.code)).toContain('RIPPLE_BOTH_WAYS');
  });

  it('needs both directions, each from a PNM summary', () => {
    expect(locate(summary(), node(clean(4)), [bothWays[0]]).place).toBe('UNKNOWN');
    expect(locate(summary(), node(clean(4)), [bothWays[1]]).place).toBe('UNKNOWN');
    const scQam = [bothWays[0], ripple('US_MICRO_REFLECTION', 'SC-QAM', 14)];
    expect(locate(summary(), node(clean(4)), scQam).place).toBe('UNKNOWN');
  });
});

describe('echoClusters', () => {
  it('groups impaired echoes of one channel within a tap, two modems at least, largest first', () => {
    const clusters = echoClusters(
      [
        neighbour('a', echoAt(6)),
        neighbour('b', echoAt(6.5)),
        neighbour('c', echoAt(5.8)),
        neighbour('d', echoAt(2)),
        neighbour('e', echoAt(2.3)),
        neighbour('lonely', echoAt(10)),
        neighbour('home', { ...echoAt(1), shortEcho: true }),
        neighbour('ok'),
      ],
      t,
    );
    expect(clusters.map((c) => c.modems)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(clusters[0].delayTaps).toBe(6);
    expect(
      clusters.map(({ place, confidence, modemsCompared }) => ({ place, confidence, modemsCompared })),
    ).toEqual([
      { place: 'TAP_OR_AMPLIFIER', confidence: 'HIGH', modemsCompared: 8 },
      { place: 'TAP_OR_AMPLIFIER', confidence: 'MEDIUM', modemsCompared: 8 },
    ]);
  });

  it('puts a cluster in the plant as its members would: at least plantMinShare of the modems compared on its channel', () => {
    const summaries = [
      neighbour('a', echoAt(6)),
      neighbour('b', echoAt(6.2)),
      neighbour('ok'),
      neighbour('ok-other-channel', { channelId: 2 }),
    ];
    const [cluster] = echoClusters(summaries, t);
    expect(cluster).toEqual(
      expect.objectContaining({
        modems: ['a', 'b'],
        place: 'PLANT',
        confidence: 'MEDIUM',
        modemsCompared: 3,
      }),
    );
    const self = locate(summaries[0], node(summaries.slice(1)));
    expect(self).toEqual(expect.objectContaining({ place: cluster.place, confidence: cluster.confidence }));
  });
});
