import type { CmtsModemRow } from '../domain/cmts-reading';
import type { ReachableReading, UnreachableReading } from '../domain/modem-reading';
import { cmtsNoEvidenceFinding, cmtsProvisioningFinding, cmtsRowFindings } from './cmts-faults';
import { assessFlapping } from './flapping';
import { notCheckedFor } from './not-checked';
import { inSubKindOrder, limitPercent, round, subKindIndex } from './rule-helpers';
import { cmtsPartialServiceRule } from './rules/cmts-partial-service.rule';
import { codewordsRule } from './rules/codewords.rule';
import { dsPowerRule } from './rules/ds-power.rule';
import { dsSnrRule } from './rules/ds-snr.rule';
import { dsTiltRule } from './rules/ds-tilt.rule';
import { lowUsSnrRule } from './rules/low-us-snr.rule';
import { noCpeRule } from './rules/no-cpe.rule';
import { ofdmMerRule } from './rules/ofdm-mer.rule';
import { ofdmMerSpreadRule } from './rules/ofdm-mer-spread.rule';
import { dsChannelEstimateRule } from './rules/ds-channel-estimate.rule';
import { ofdmaPreEqRule } from './rules/ofdma-pre-eq.rule';
import { ofdmPowerRule } from './rules/ofdm-power.rule';
import { ofdmaTxPowerRule } from './rules/ofdma-tx-power.rule';
import { partialServiceRule } from './rules/partial-service.rule';
import { t3T4Rule } from './rules/t3-t4.rule';
import { usRxOffsetRule } from './rules/us-rx-offset.rule';
import { usTxPowerRule } from './rules/us-tx-power.rule';
import { analysedUpstream, preEqSummary, usPreEqRule } from './rules/us-pre-eq.rule';
import { locateFault } from './fault-location';
import type { ThresholdsProfile } from '../domain/thresholds';
import type {
  Action,
  CmtsContext,
  Diagnosis,
  DiagnosisInput,
  Finding,
  Neighbourhood,
  Rule,
  RuleContext,
  Severity,
  SubKind,
  Verdict,
} from '../domain/diagnosis';
import {
  accessDeniedMessage,
  flappingSummary,
  forwardingDisabledMessage,
  lineFaultSummary,
  marginalSummary,
  modemOfflineSummary,
  neighboursUnknownMessage,
  neighboursUnknownReason,
  neighboursUnknownSummary,
  nodeWideMessage,
  noResponseMessage,
  onlineButUnmanagedMessage,
  onlineButUnmanagedSummary,
  outageMessage,
  plantOutageSummary,
  provisioningSummary,
  rangingFailureMessage,
  registeringMessage,
  registeringState,
  registeringSummary,
  silenceBurstMessage,
  silenceBurstSummary,
  textbookSummary,
  withSentence,
  type FlappingAdvice,
  type LineFaultAdvice,
  type NeighboursUnknownWhy,
} from './wording';

export const RULES: readonly Rule[] = [
  partialServiceRule,
  cmtsPartialServiceRule,
  dsPowerRule,
  dsSnrRule,
  dsTiltRule,
  usTxPowerRule,
  ofdmaTxPowerRule,
  usRxOffsetRule,
  lowUsSnrRule,
  usPreEqRule,
  codewordsRule,
  t3T4Rule,
  ofdmMerRule,
  ofdmPowerRule,
  ofdmMerSpreadRule,
  dsChannelEstimateRule,
  ofdmaPreEqRule,
  noCpeRule,
];

const CM_STATUS_OPERATIONAL = 12;
const CM_STATUS_ACCESS_DENIED = 13;
const CM_STATUS_FORWARDING_DISABLED = 20;
const CMTS_OPERATIONAL = 8;

const PARTIAL_SERVICE: readonly SubKind[] = ['PARTIAL_SERVICE_DS', 'PARTIAL_SERVICE_US'];
const FLAPPING_KINDS: readonly SubKind[] = ['DEVICE_REBOOTS', 'RF_REINIT'];

const SEVERITY_ORDER: Record<Severity, number> = { FAULT: 0, MARGINAL: 1, INFO: 2 };
const DIRECTION_ORDER = { downstream: 0, upstream: 1 } as const;
const KIND_ORDER = { 'SC-QAM': 0, OFDM: 1, OFDMA: 2 } as const;

/** What the agent should do for a verdict, given its sub-kinds. */
export function actionFor(verdict: Verdict, subKinds: readonly SubKind[]): Action {
  switch (verdict) {
    case 'TEXTBOOK_OK':
      return 'CHECK_CUSTOMER_EQUIPMENT';
    case 'MARGINAL':
      return 'REMOTE_FIX';
    case 'LINE_FAULT':
      if (subKinds.includes('NODE_WIDE')) {
        return 'ESCALATE_TO_NOC';
      }
      // A dropped channel often comes back after re-registration; dispatch only if it recurs.
      return subKinds.length > 0 && subKinds.every((k) => PARTIAL_SERVICE.includes(k))
        ? 'REMOTE_FIX'
        : 'DISPATCH_TECHNICIAN';
    case 'FLAPPING':
      if (subKinds.includes('NODE_WIDE')) {
        return 'ESCALATE_TO_NOC';
      }
      // Restarts on a clean line are the modem or its power supply; anything else needs the line checked.
      return subKinds.every((k) => k === 'DEVICE_REBOOTS') && subKinds.length > 0
        ? 'SWAP_MODEM'
        : 'DISPATCH_TECHNICIAN';
    case 'MODEM_OFFLINE':
      return 'CHECK_POWER_AND_CABLING';
    case 'PLANT_OUTAGE':
      return 'ESCALATE_TO_NOC';
    case 'PROVISIONING_ISSUE':
      return 'BACK_OFFICE';
    case 'INSUFFICIENT_DATA':
      return subKinds.includes('SILENCE_BURST') ? 'ESCALATE_TO_NOC' : 'NO_DISPATCH';
  }
}

/** FAULT, MARGINAL, INFO; whole-modem findings before per-channel ones; channels downstream first, by frequency. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (bySeverity !== 0) {
      return bySeverity;
    }
    if (a.channel == null || b.channel == null) {
      if (a.channel != null || b.channel != null) {
        return a.channel == null ? -1 : 1;
      }
    } else {
      const byChannel =
        DIRECTION_ORDER[a.channel.direction] - DIRECTION_ORDER[b.channel.direction] ||
        KIND_ORDER[a.channel.kind] - KIND_ORDER[b.channel.kind] ||
        a.channel.frequencyHz - b.channel.frequencyHz ||
        (a.channel.channelId ?? -1) - (b.channel.channelId ?? -1) ||
        a.channel.ifIndex - b.channel.ifIndex;
      if (byChannel !== 0) {
        return byChannel;
      }
    }
    return subKindIndex(a.code) - subKindIndex(b.code);
  });
}

function result(verdict: Verdict, subKinds: SubKind[], summary: string, findings: Finding[]): Diagnosis {
  return {
    verdict,
    subKinds,
    action: actionFor(verdict, subKinds),
    summary,
    findings: sortFindings(findings),
    notChecked: [],
  };
}

function noResponseFinding(reading: UnreachableReading): Finding {
  return {
    code: 'NO_RESPONSE',
    severity: 'FAULT',
    observed: 0,
    limit: 1,
    unit: 'state',
    message: noResponseMessage(reading.error),
  };
}

/** §2.10: both the count and the share of offline neighbours must reach their limits (inclusive). */
function isOutage(n: Neighbourhood, thresholds: ThresholdsProfile): boolean {
  const t = thresholds.neighbourhood;
  return (
    n.others > 0 && n.othersOffline >= t.outageMinOffline && n.othersOffline / n.others >= t.outageMinShare
  );
}

/** One NODE_WIDE finding per FAULT sub-kind that enough of the modem's neighbours share. */
function nodeWideFindings(
  faultKinds: readonly SubKind[],
  n: Neighbourhood | null | undefined,
  thresholds: ThresholdsProfile,
): Finding[] {
  if (n == null || n.others <= 0) {
    return [];
  }
  const minShare = thresholds.neighbourhood.nodeWideMinShare;
  return faultKinds.flatMap((kind): Finding[] => {
    const count = n.faultCounts[kind] ?? 0;
    const share = count / n.others;
    if (count === 0 || share < minShare) {
      return [];
    }
    return [
      {
        code: 'NODE_WIDE',
        severity: 'FAULT',
        observed: round(share * 100),
        limit: limitPercent(minShare),
        unit: '%',
        message: nodeWideMessage(kind, count, n.others),
      },
    ];
  });
}

/** LINE_FAULT with the given FAULT sub-kinds, escalated instead of dispatched when the node shares them. */
function lineFault(
  faultKinds: SubKind[],
  findings: Finding[],
  neighbourhood: Neighbourhood | null | undefined,
  thresholds: ThresholdsProfile,
): Diagnosis {
  const nodeWide = nodeWideFindings(faultKinds, neighbourhood, thresholds);
  const subKinds = nodeWide.length > 0 ? [...faultKinds, 'NODE_WIDE' as const] : faultKinds;
  const all = sortFindings([...findings, ...nodeWide]);
  const first = all.find((f) => f.severity === 'FAULT' && f.code !== 'NODE_WIDE')?.message ?? '';
  let advice: LineFaultAdvice;
  if (nodeWide.length > 0) {
    advice = { kind: 'nodeWide', nodeWideMessage: nodeWide[0].message };
  } else if (actionFor('LINE_FAULT', subKinds) === 'REMOTE_FIX') {
    advice = { kind: 'remoteFix' };
  } else {
    advice = { kind: 'dispatch' };
  }
  return result('LINE_FAULT', subKinds, lineFaultSummary(first, advice), all);
}

/** Only with counted neighbours, most of them online, may the answer say that the problem is at this home. */
function modemOffline(reading: UnreachableReading, neighbourhood: Neighbourhood): Diagnosis {
  return result(
    'MODEM_OFFLINE',
    ['NO_POWER_OR_DISCONNECTED'],
    modemOfflineSummary(neighbourhood, reading.error),
    [noResponseFinding(reading)],
  );
}

/** Why the neighbours of a silent modem could not be counted. */
function whyNeighboursUnknown(cmts: CmtsContext | undefined): NeighboursUnknownWhy {
  if (cmts == null) {
    return { kind: 'noCmts' };
  }
  if (isBlind(cmts)) {
    return { kind: 'blindCmts', cmtsId: cmts.cmtsId };
  }
  if (cmts.neighbourhood == null) {
    return { kind: 'neverPlaced', cmtsId: cmts.cmtsId };
  }
  return { kind: 'alone', neighbourhood: cmts.neighbourhood };
}

/**
 * A silent modem whose neighbours could not be counted: nothing shows whether only this home is affected, so
 * the answer says so and sends nobody; many modems falling silent at once is evidence of a wider fault.
 */
function neighboursUnknown(
  reading: UnreachableReading,
  cmts: CmtsContext | undefined,
  othersSilent: number | undefined,
  thresholds: ThresholdsProfile,
): Diagnosis {
  const t = thresholds.neighbourhood;
  const reason = neighboursUnknownReason(whyNeighboursUnknown(cmts));
  const unknown: Finding = {
    code: 'NEIGHBOURS_UNKNOWN',
    severity: 'INFO',
    observed: cmts?.neighbourhood?.others ?? 0,
    limit: t.outageMinOffline,
    unit: 'count',
    message: neighboursUnknownMessage(reason),
  };
  const findings = [noResponseFinding(reading), unknown];
  if (othersSilent != null && othersSilent >= t.silenceBurstMinModems) {
    const burst: Finding = {
      code: 'SILENCE_BURST',
      severity: 'FAULT',
      observed: othersSilent,
      limit: t.silenceBurstMinModems,
      unit: 'count',
      message: silenceBurstMessage(othersSilent, t.silenceBurstWindowMinutes),
    };
    return result(
      'INSUFFICIENT_DATA',
      ['NEIGHBOURS_UNKNOWN', 'SILENCE_BURST'],
      silenceBurstSummary(reading.error, burst.message),
      [...findings, burst],
    );
  }
  return result(
    'INSUFFICIENT_DATA',
    ['NEIGHBOURS_UNKNOWN'],
    neighboursUnknownSummary(reading.error, reason),
    findings,
  );
}

function onlineButUnmanaged(
  reading: UnreachableReading,
  cmts: CmtsContext,
  row: CmtsModemRow,
  thresholds: ThresholdsProfile,
): Diagnosis {
  const networkSide = cmtsRowFindings(row, cmts.setPointDbmv, thresholds);
  const online: Finding = {
    code: 'CM_SNMP_UNREACHABLE_BUT_ONLINE',
    severity: 'INFO',
    observed: row.state.value ?? 0,
    limit: CMTS_OPERATIONAL,
    unit: 'state',
    message: onlineButUnmanagedMessage(reading.error),
  };
  const all = sortFindings([...networkSide, online]);
  const graded = all.find((f) => f.severity !== 'INFO');
  return result(
    'INSUFFICIENT_DATA',
    ['CM_SNMP_UNREACHABLE_BUT_ONLINE'],
    onlineButUnmanagedSummary(reading.error, graded?.message),
    all,
  );
}

function plantOutage(
  reading: UnreachableReading,
  n: Neighbourhood,
  thresholds: ThresholdsProfile,
): Diagnosis {
  const outage: Finding = {
    code: 'SERVICE_GROUP_OUTAGE',
    severity: 'FAULT',
    observed: round((n.othersOffline / n.others) * 100),
    limit: limitPercent(thresholds.neighbourhood.outageMinShare),
    unit: '%',
    message: outageMessage(n),
  };
  return result('PLANT_OUTAGE', ['SERVICE_GROUP_OUTAGE'], plantOutageSummary(outage.message), [
    outage,
    noResponseFinding(reading),
  ]);
}

function rangingFailure(
  reading: UnreachableReading,
  row: CmtsModemRow,
  cmts: CmtsContext,
  thresholds: ThresholdsProfile,
): Diagnosis {
  const state = row.state.name;
  const failure: Finding = {
    code: 'REGISTRATION_RF_FAILURE',
    severity: 'FAULT',
    observed: row.state.value ?? 0,
    limit: row.state.source === 'rfc4546' ? 6 : CMTS_OPERATIONAL,
    unit: 'state',
    message: rangingFailureMessage(state),
  };
  return lineFault(
    ['REGISTRATION_RF_FAILURE'],
    [failure, noResponseFinding(reading)],
    cmts.neighbourhood,
    thresholds,
  );
}

/** §3.3/§3.4 triage of a modem that did not answer; without CMTS data all that is known is that it is offline. */
function diagnoseUnreachable(reading: UnreachableReading, input: DiagnosisInput): Diagnosis {
  const { cmts, thresholds } = input;
  if (cmts == null) {
    return neighboursUnknown(reading, cmts, input.othersSilent, thresholds);
  }
  if (isBlind(cmts)) {
    return neighboursUnknown(reading, cmts, input.othersSilent, thresholds);
  }
  const { row, neighbourhood } = cmts;
  const refused = row == null ? null : cmtsProvisioningFinding(row, cmts.cmtsId);
  if (refused != null) {
    return provisioningIssue(refused, [noResponseFinding(reading)]);
  }
  if (row != null && row.state.online) {
    return onlineButUnmanaged(reading, cmts, row, thresholds);
  }
  if (neighbourhood != null && isOutage(neighbourhood, thresholds)) {
    return plantOutage(reading, neighbourhood, thresholds);
  }
  if (row != null && row.state.ranging) {
    return rangingFailure(reading, row, cmts, thresholds);
  }
  if (neighbourhood == null || neighbourhood.others === 0) {
    return neighboursUnknown(reading, cmts, input.othersSilent, thresholds);
  }
  return modemOffline(reading, neighbourhood);
}

function isBlind(cmts: CmtsContext | undefined): boolean {
  return cmts?.modemTables === 'none';
}

/** PROVISIONING_ISSUE from one finding (ACCESS_DENIED or FORWARDING_DISABLED), plus any others that go with it. */
function provisioningIssue(finding: Finding, others: Finding[] = []): Diagnosis {
  return result('PROVISIONING_ISSUE', [finding.code], provisioningSummary(finding.message), [
    finding,
    ...others,
  ]);
}

/**
 * The CMTS's word on provisioning when the modem's own status does not settle it: the modem is not operational
 * (still registering, or its status was not read), or the CMTS disabled forwarding, which the modem cannot see.
 */
function cmtsProvisioning(reading: ReachableReading, cmts: CmtsContext | undefined): Diagnosis | null {
  const row = cmts?.row;
  if (cmts == null || row == null) {
    return null;
  }
  const finding = cmtsProvisioningFinding(row, cmts.cmtsId);
  if (finding == null) {
    return null;
  }
  const modemDecides = reading.status.value === CM_STATUS_OPERATIONAL && !row.state.forwardingDisabled;
  return modemDecides ? null : provisioningIssue(finding);
}

function diagnoseProvisioning(reading: ReachableReading): Diagnosis | null {
  const { value, name } = reading.status;
  if (value == null) {
    return null;
  }
  let code: SubKind;
  let message: string;
  if (value === CM_STATUS_ACCESS_DENIED) {
    code = 'ACCESS_DENIED';
    message = accessDeniedMessage(name);
  } else if (value === CM_STATUS_FORWARDING_DISABLED) {
    code = 'FORWARDING_DISABLED';
    message = forwardingDisabledMessage(name);
  } else {
    return null;
  }
  return provisioningIssue({
    code,
    severity: 'FAULT',
    observed: value,
    limit: CM_STATUS_OPERATIONAL,
    unit: 'state',
    message,
  });
}

function diagnoseRegistering(value: number, name: string): Diagnosis {
  const state = registeringState(value, name);
  const finding: Finding = {
    code: 'REGISTRATION_IN_PROGRESS',
    severity: 'INFO',
    observed: value,
    limit: CM_STATUS_OPERATIONAL,
    unit: 'state',
    message: registeringMessage(state),
  };
  return result('INSUFFICIENT_DATA', ['REGISTRATION_IN_PROGRESS'], registeringSummary(state), [finding]);
}

function firstMessage(findings: Finding[], severity: Severity): string {
  return findings.find((f) => f.severity === severity)?.message ?? '';
}

/** §3.4 for the modem side: data in, verdict out. */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const d = withNeighbours(diagnoseModem(input), input.cmts?.neighbourhood);
  const cmts = input.cmts;
  if (cmts == null || !isBlind(cmts)) {
    return d;
  }
  const noEvidence = cmtsNoEvidenceFinding(cmts.cmtsId, cmts.missingObjects ?? []);
  return {
    ...d,
    summary: withSentence(d.summary, noEvidence.message),
    findings: sortFindings([...d.findings, noEvidence]),
  };
}

function withNeighbours(d: Diagnosis, n: Neighbourhood | null | undefined): Diagnosis {
  if (n == null) {
    return d;
  }
  const { cmtsId, groupKey: node, groupedBy, others, othersOffline, observedAt } = n;
  return { ...d, neighbours: { cmtsId, node, groupedBy, others, othersOffline, observedAt } };
}

function diagnoseModem(input: DiagnosisInput): Diagnosis {
  const { reading } = input;
  if (!reading.reachable) {
    return diagnoseUnreachable(reading, input);
  }
  const provisioning = diagnoseProvisioning(reading) ?? cmtsProvisioning(reading, input.cmts);
  if (provisioning != null) {
    return provisioning;
  }
  // A modem whose state was not read answers SNMP on its cable IP, so it got that far: its line is graded, and
  // diagnosis/not-checked says the state (and with it provisioning) could not be checked.
  if (reading.status.value != null && reading.status.value !== CM_STATUS_OPERATIONAL) {
    return diagnoseRegistering(reading.status.value, reading.status.name);
  }

  const ctx: RuleContext = {
    reading,
    cmts: input.cmts,
    history: input.history,
    counterBaseline: input.counterBaseline,
    thresholds: input.thresholds,
  };
  // The summary stays words for the customer; what could not be checked goes to the agent and NOC beside it.
  const graded = gradeOperational(ctx, input);
  const preEq = preEqSummary(analysedUpstream(reading, input.thresholds.preEq));
  return {
    ...graded,
    notChecked: notCheckedFor(ctx),
    ...(preEq ? { preEq } : {}),
    ...(graded.verdict === 'LINE_FAULT' || graded.verdict === 'MARGINAL'
      ? {
          location: locateFault({
            modemId: reading.modemId,
            preEq,
            findings: graded.findings,
            neighbourhood: input.cmts?.neighbourhood,
            t: input.thresholds.preEq,
          }),
        }
      : {}),
  };
}

/** The rules and flapping check over an operational modem's reading. */
function gradeOperational(ctx: RuleContext, input: DiagnosisInput): Diagnosis {
  const { reading } = ctx;
  const neighbourhood = input.cmts?.neighbourhood;
  const flapping = assessFlapping(reading, input.history, input.thresholds, input.cmts?.row?.lastRegAt);
  const findings = sortFindings([...flapping.findings, ...RULES.flatMap((rule) => rule(ctx))]);
  const faultKinds = inSubKindOrder(
    findings.filter((f) => f.severity === 'FAULT' && !FLAPPING_KINDS.includes(f.code)).map((f) => f.code),
  );

  if (flapping.findings.length > 0) {
    const nodeWide = nodeWideFindings(faultKinds, neighbourhood, input.thresholds);
    const subKinds = [
      ...inSubKindOrder(flapping.findings.map((f) => f.code)),
      ...faultKinds,
      ...(nodeWide.length > 0 ? ['NODE_WIDE' as const] : []),
    ];
    const action = actionFor('FLAPPING', subKinds);
    let advice: FlappingAdvice;
    if (action === 'ESCALATE_TO_NOC') {
      advice = { kind: 'nodeWide', nodeWideMessage: nodeWide[0].message };
    } else if (action === 'SWAP_MODEM') {
      advice = { kind: 'swapModem' };
    } else {
      advice = { kind: 'dispatch' };
    }
    return result('FLAPPING', subKinds, flappingSummary(flapping.findings[0].message, advice), [
      ...findings,
      ...nodeWide,
    ]);
  }

  if (faultKinds.length > 0) {
    return lineFault(faultKinds, findings, neighbourhood, input.thresholds);
  }

  const marginalKinds = inSubKindOrder(findings.filter((f) => f.severity === 'MARGINAL').map((f) => f.code));
  if (marginalKinds.length > 0) {
    return result('MARGINAL', marginalKinds, marginalSummary(firstMessage(findings, 'MARGINAL')), findings);
  }

  const infoKinds = inSubKindOrder(findings.filter((f) => f.severity === 'INFO').map((f) => f.code));
  const extra = infoKinds
    .map((k) => findings.find((f) => f.code === k)?.message ?? '')
    .filter((m) => m !== '');
  return result('TEXTBOOK_OK', infoKinds, textbookSummary(input.cpeDevices, extra), findings);
}
