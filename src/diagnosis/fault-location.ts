import type {
  FaultLocation,
  FaultPlace,
  Finding,
  LocationEvidence,
  Neighbourhood,
  NeighbourPreEq,
  PreEqSummary,
} from '../domain/diagnosis';
import type { PreEqThresholds } from '../domain/thresholds';
import { rippleBothWaysEvidence, rippleBothWaysLocation } from './pnm-wording';
import { METRES_PER_FOOT } from './pre-eq/timing';
import { fmt, round } from './rule-helpers';

// Where a line fault probably is (docs/pre-equalisation.md, "Where is it"): from the modem's own pre-equalisation
// (an echo's distance, energy next to the main tap, group delay), compared with its neighbours' (an echo they share
// sits upstream of where their drops split), and from its levels (low downstream with high upstream on this modem
// alone is loss in the home or drop; on the node's modems too, in the plant). It says how sure it is and why, and
// claims "only this home" only with neighbours compared.

export interface LocateInput {
  modemId: string;
  preEq: PreEqSummary | null;
  findings: readonly Finding[];
  neighbourhood: Neighbourhood | null | undefined;
  t: PreEqThresholds;
}

/** Neighbours whose coefficients can be compared with this modem's: the same upstream channel where both name it. */
function comparable(self: PreEqSummary, others: readonly NeighbourPreEq[], selfId: string): NeighbourPreEq[] {
  return others.filter(
    (o) =>
      o.modemId !== selfId &&
      (self.channelId == null || o.channelId == null || o.channelId === self.channelId),
  );
}

/**
 * An impaired channel whose echo is a cavity's: energy next to the main tap (a home's splitters) or group delay is
 * not one to share with neighbours.
 */
function cavityEcho<S extends PreEqSummary>(s: S): s is S & { echo: NonNullable<PreEqSummary['echo']> } {
  return s.grade !== 'TEXTBOOK' && s.echo != null && !s.shortEcho && s.distortion !== 'GROUP_DELAY';
}

/**
 * Where an echo `sharing` modems show lies, of the `compared` modems (these included) whose coefficients were
 * compared: in the plant when at least plantMinShare of them show it, else in a tap or amplifier they share. Three
 * modems sharing a signature make it HIGH.
 */
export function sharedEchoPlace(
  sharing: number,
  compared: number,
  t: PreEqThresholds,
): { place: 'TAP_OR_AMPLIFIER' | 'PLANT'; confidence: 'MEDIUM' | 'HIGH' } {
  return {
    place: sharing / compared >= t.plantMinShare ? 'PLANT' : 'TAP_OR_AMPLIFIER',
    confidence: sharing >= 3 ? 'HIGH' : 'MEDIUM',
  };
}

function sharesEcho(self: PreEqSummary, other: PreEqSummary, t: PreEqThresholds): boolean {
  return (
    self.echo != null &&
    cavityEcho(other) &&
    Math.abs(other.echo.delayTaps - self.echo.delayTaps) <= t.sameEchoToleranceTaps
  );
}

function evidence(
  code: LocationEvidence['code'],
  message: string,
  observed: number | null = null,
  limit: number | null = null,
): LocationEvidence {
  return { code, observed, limit, message };
}

function located(
  place: FaultPlace,
  confidence: FaultLocation['confidence'],
  self: PreEqSummary | null,
  sharedWith: string[],
  neighboursCompared: number,
  facts: LocationEvidence[],
  message: string,
): FaultLocation {
  const distanceM = self?.echo?.distanceM ?? null;
  return {
    place,
    confidence,
    distanceM: place === 'HOME' ? null : distanceM,
    distanceFt: place === 'HOME' || distanceM == null ? null : round(distanceM / METRES_PER_FOOT, 0),
    channel: self ? { ifIndex: self.ifIndex, channelId: self.channelId } : null,
    sharedWith,
    neighboursCompared,
    evidence: facts,
    message,
  };
}

const echoWords = (s: PreEqSummary): string =>
  s.echo?.distanceM != null
    ? `a reflection about ${fmt(s.echo.distanceM, 0)} m (${fmt(s.echo.distanceM / METRES_PER_FOOT, 0)} ft) from the modem`
    : `a reflection ${fmt(s.echo?.delayTaps ?? 0)} taps after the main tap`;

/**
 * Where the fault of a LINE_FAULT or MARGINAL reading probably is: from the upstream coefficients and the levels,
 * then the DOCSIS 3.1 PNM summaries of a full poll. An echo in both directions on this modem (the downstream channel
 * estimate and the OFDMA pre-equaliser beyond their limits) is a cavity both signals cross: it backs a home or drop
 * place, and where nothing else placed the fault it points to the drop (LOW: the summaries give no distance, and
 * neighbours' are not read by sweeps). It says nothing against a place the neighbours share.
 */
export function locateFault(input: LocateInput): FaultLocation {
  const located = locateFromCoefficientsAndLevels(input);
  const ds = input.findings.find((f) => f.code === 'DS_MICRO_REFLECTION' && f.severity !== 'INFO');
  const us = input.findings.find(
    (f) => f.code === 'US_MICRO_REFLECTION' && f.severity !== 'INFO' && f.channel?.kind === 'OFDMA',
  );
  if (ds == null || us == null || located.place === 'PLANT' || located.place === 'TAP_OR_AMPLIFIER') {
    return located;
  }
  const facts = [
    ...located.evidence,
    evidence('RIPPLE_BOTH_WAYS', rippleBothWaysEvidence(ds.observed, us.observed), ds.observed, ds.limit),
  ];
  const farEcho = located.distanceM != null && located.distanceM > input.t.dropMaxM;
  if (located.place !== 'UNKNOWN' || farEcho) {
    return { ...located, evidence: facts };
  }
  return {
    ...located,
    place: 'DROP',
    confidence: 'LOW',
    evidence: facts,
    message: rippleBothWaysLocation(located.distanceM),
  };
}

function locateFromCoefficientsAndLevels(input: LocateInput): FaultLocation {
  const { preEq: self, neighbourhood: n, t } = input;
  const neighbours = self && n?.preEq ? comparable(self, n.preEq, input.modemId) : [];
  const compared = neighbours.length;
  const facts: LocationEvidence[] = [];
  /** A place this modem's own evidence gives, no neighbour sharing it. */
  const alone = (
    place: FaultPlace,
    confidence: FaultLocation['confidence'],
    message: string,
  ): FaultLocation => located(place, confidence, self, [], compared, facts, message);

  const impaired = self != null && self.grade !== 'TEXTBOOK';
  if (impaired && self.shortEcho) {
    facts.push(
      evidence(
        'SHORT_ECHO',
        `Energy on both taps next to the main tap and no echo further out (main tap ratio ${fmt(self.mtrDb)} dB): a cavity shorter than one tap.`,
        self.mtrDb,
        t.mtrTextbookDb,
      ),
    );
    const clean =
      compared >= t.neighboursMinCompared && neighbours.every((o) => !o.shortEcho || o.grade === 'TEXTBOOK');
    if (clean) {
      facts.push(
        evidence('NEIGHBOURS_CLEAN', `None of ${compared} neighbours compared shows it.`, 0, compared),
      );
    } else if (compared < t.neighboursMinCompared) {
      facts.push(notCompared(compared, t));
    }
    return alone(
      'HOME',
      clean ? 'MEDIUM' : 'LOW',
      'The reflection is too close to the modem to be the drop: in-home wiring, splitters or jumpers.',
    );
  }

  if (impaired && self.echo != null && self.distortion !== 'GROUP_DELAY') {
    facts.push(
      evidence(
        'ECHO',
        `Pre-equalisation shows ${echoWords(self)} at ${fmt(self.echo.levelDbc)} dBc (main tap ratio ${fmt(self.mtrDb)} dB).`,
        self.echo.distanceM ?? self.echo.delayTaps,
        null,
      ),
    );
    const shared = neighbours.filter((o) => sharesEcho(self, o, t));
    const cluster = shared.length + 1;
    if (cluster >= t.sharedEchoMinModems) {
      const { place, confidence } = sharedEchoPlace(cluster, compared + 1, t);
      facts.push(
        evidence(
          'SHARED_ECHO',
          `${shared.length} of ${compared} neighbours compared show the same echo (within ${fmt(t.sameEchoToleranceTaps)} tap): ${shared.map((o) => o.modemId).join(', ')}.`,
          shared.length,
          t.sharedEchoMinModems - 1,
        ),
      );
      return located(
        place,
        confidence,
        self,
        shared.map((o) => o.modemId),
        compared,
        facts,
        `${cluster} modems of the node show ${echoWords(self)}: the cavity is common to them, in the ${place === 'PLANT' ? 'plant (amplifier or hardline)' : 'tap or amplifier they share'}, not in this home.`,
      );
    }
    if (compared < t.neighboursMinCompared) {
      facts.push(notCompared(compared, t));
      return alone(
        'UNKNOWN',
        'LOW',
        `Pre-equalisation shows ${echoWords(self)}; without neighbours to compare with, it cannot be told whether only this home has it.`,
      );
    }
    facts.push(
      evidence(
        'NEIGHBOURS_CLEAN',
        `None of ${compared} neighbours compared shows the same echo.`,
        0,
        compared,
      ),
    );
    if (self.echo.distanceM != null && self.echo.distanceM <= t.dropMaxM) {
      return alone(
        'DROP',
        'MEDIUM',
        `Only this modem shows ${echoWords(self)}: a cavity of about a drop's length, most likely the drop cable or its connectors and ground block.`,
      );
    }
    return alone(
      'UNKNOWN',
      'LOW',
      `Only this modem shows ${echoWords(self)}, ${self.echo.distanceM == null ? 'at a distance not known (channel width not read)' : `farther than a drop (${fmt(t.dropMaxM, 0)} m)`}: the place cannot be told from the coefficients.`,
    );
  }

  if (impaired && self.distortion === 'GROUP_DELAY') {
    facts.push(
      evidence(
        'GROUP_DELAY',
        `Pre-equalisation shows group delay (more energy before the main tap than after; main tap ratio ${fmt(self.mtrDb)} dB).`,
        self.mtrDb,
        t.mtrTextbookDb,
      ),
    );
    const shared = neighbours.filter((o) => o.distortion === 'GROUP_DELAY' && o.grade !== 'TEXTBOOK');
    if (
      shared.length + 1 >= t.sharedEchoMinModems &&
      (shared.length + 1) / (compared + 1) >= t.plantMinShare
    ) {
      return located(
        'PLANT',
        shared.length + 1 >= 3 ? 'HIGH' : 'MEDIUM',
        self,
        shared.map((o) => o.modemId),
        compared,
        facts,
        `${shared.length + 1} modems of the node show group delay: a diplex filter or amplifier alignment in the plant.`,
      );
    }
    if (compared >= t.neighboursMinCompared && shared.length === 0) {
      facts.push(
        evidence(
          'NEIGHBOURS_CLEAN',
          `None of ${compared} neighbours compared shows group delay.`,
          0,
          compared,
        ),
      );
      return alone(
        'HOME',
        'LOW',
        'Only this modem shows group delay: an in-home filter or amplifier is the likely cause.',
      );
    }
  }

  const levels = levelPattern(input);
  if (levels) {
    return levels;
  }
  if (self == null) {
    facts.push(
      evidence(
        'NO_PRE_EQ',
        "The modem's pre-equalisation coefficients were not read, so no echo could be looked for.",
      ),
    );
  } else {
    facts.push(
      evidence(
        'NO_SIGNATURE',
        `Pre-equalisation is clean (main tap ratio ${fmt(self.mtrDb)} dB) and the levels show no home or plant pattern.`,
        self.mtrDb,
        t.mtrTextbookDb,
      ),
    );
  }
  return alone('UNKNOWN', 'LOW', 'The evidence does not say where the fault is.');
}

function notCompared(compared: number, t: PreEqThresholds): LocationEvidence {
  return evidence(
    'NEIGHBOURS_NOT_COMPARED',
    `Only ${compared} neighbours' coefficients are known (${t.neighboursMinCompared} needed to say only this home has it).`,
    compared,
    t.neighboursMinCompared,
  );
}

/**
 * Low downstream with high upstream on this modem: loss between the tap and the modem. The node's other modems
 * showing the same (by their CMTS rows and latest diagnoses) put it in the plant.
 */
function levelPattern(input: LocateInput): FaultLocation | null {
  const kinds = new Set(input.findings.filter((f) => f.severity !== 'INFO').map((f) => f.code));
  if (!kinds.has('LOW_DS_POWER') || !kinds.has('HIGH_US_POWER')) {
    return null;
  }
  const n = input.neighbourhood;
  const t = input.t;
  const facts = [
    evidence(
      'LEVELS_LOW_DS_HIGH_US',
      'Downstream power is low and upstream transmit power high: the signal is losing level between the tap and the modem.',
    ),
  ];
  const online = n ? n.others - n.othersOffline : 0;
  if (n == null || online < t.neighboursMinCompared) {
    facts.push(notCompared(online, t));
    return located(
      'UNKNOWN',
      'LOW',
      null,
      [],
      online,
      facts,
      'Levels point to a loss on the way to the modem; without neighbours it cannot be told whether the plant has it too.',
    );
  }
  const alike = Math.min(n.faultCounts.LOW_DS_POWER ?? 0, n.faultCounts.HIGH_US_POWER ?? 0);
  if ((alike + 1) / (online + 1) >= t.plantMinShare) {
    facts.push(
      evidence(
        'NEIGHBOURS_SAME_LEVELS',
        `${alike} of ${online} online neighbours show the same low downstream and high upstream levels.`,
        alike,
        online,
      ),
    );
    return located(
      'PLANT',
      alike + 1 >= 3 ? 'HIGH' : 'MEDIUM',
      null,
      [],
      online,
      facts,
      `${alike + 1} modems of the node lose level the same way: the loss is in the plant, before their drops.`,
    );
  }
  facts.push(
    evidence(
      'NEIGHBOURS_CLEAN',
      `${online - alike} of ${online} online neighbours have normal levels.`,
      alike,
      online,
    ),
  );
  return located(
    'HOME',
    'LOW',
    null,
    [],
    online,
    facts,
    'Only this modem loses level: splitters or wiring in the home, or the drop; measure at the ground block first.',
  );
}

/** Modems of one node whose coefficients show the same echo: a cavity they share (NOC's node view). */
export interface EchoCluster {
  channelId: number | null;
  /** The cluster's median echo delay (taps) and distance from the modems (m; null when not known). */
  delayTaps: number;
  distanceM: number | null;
  modems: string[];
  /** As each member's own location puts it: by the cluster's share of the modems compared on its channel. */
  place: 'TAP_OR_AMPLIFIER' | 'PLANT';
  confidence: 'MEDIUM' | 'HIGH';
  /** Modems of the node whose coefficients on this channel were compared (the cluster's members included). */
  modemsCompared: number;
}

/**
 * Impaired echoes of a node's modems grouped by channel and delay (within sameEchoToleranceTaps of the group's first,
 * in delay order); only groups of at least sharedEchoMinModems modems are clusters.
 */
export function echoClusters(summaries: readonly NeighbourPreEq[], t: PreEqThresholds): EchoCluster[] {
  const echoing = summaries
    .filter(cavityEcho)
    .sort((a, b) => (a.channelId ?? -1) - (b.channelId ?? -1) || a.echo.delayTaps - b.echo.delayTaps);
  const groups: (typeof echoing)[] = [];
  for (const s of echoing) {
    const last = groups[groups.length - 1];
    if (
      last &&
      last[0].channelId === s.channelId &&
      s.echo.delayTaps - last[0].echo.delayTaps <= t.sameEchoToleranceTaps
    ) {
      last.push(s);
    } else {
      groups.push([s]);
    }
  }
  return groups
    .filter((g) => g.length >= t.sharedEchoMinModems)
    .map((g): EchoCluster => {
      const mid = g[Math.floor(g.length / 2)].echo;
      const channelId = g[0].channelId;
      const modemsCompared = summaries.filter(
        (s) => channelId == null || s.channelId == null || s.channelId === channelId,
      ).length;
      return {
        channelId,
        delayTaps: mid.delayTaps,
        distanceM: mid.distanceM,
        modems: g.map((s) => s.modemId).sort(),
        ...sharedEchoPlace(g.length, modemsCompared, t),
        modemsCompared,
      };
    })
    .sort((a, b) => b.modems.length - a.modems.length);
}
