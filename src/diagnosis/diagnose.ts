import type { ReachableReading, UnreachableReading } from '../telemetry/modem-reading';
import { assessFlapping } from './flapping';
import { codewordsRule } from './rules/codewords.rule';
import { dsPowerRule } from './rules/ds-power.rule';
import { dsSnrRule } from './rules/ds-snr.rule';
import { dsTiltRule } from './rules/ds-tilt.rule';
import { noCpeRule } from './rules/no-cpe.rule';
import { ofdmMerRule } from './rules/ofdm-mer.rule';
import { ofdmPowerRule } from './rules/ofdm-power.rule';
import { ofdmaTxPowerRule } from './rules/ofdma-tx-power.rule';
import { partialServiceRule } from './rules/partial-service.rule';
import { t3T4Rule } from './rules/t3-t4.rule';
import { usTxPowerRule } from './rules/us-tx-power.rule';
import { SUB_KINDS } from './types';
import type {
  Action,
  Diagnosis,
  DiagnosisInput,
  Finding,
  Rule,
  RuleContext,
  Severity,
  SubKind,
  Verdict,
} from './types';

export const RULES: readonly Rule[] = [
  partialServiceRule,
  dsPowerRule,
  dsSnrRule,
  dsTiltRule,
  usTxPowerRule,
  ofdmaTxPowerRule,
  codewordsRule,
  t3T4Rule,
  ofdmMerRule,
  ofdmPowerRule,
  noCpeRule,
];

const CM_STATUS_OPERATIONAL = 12;
const CM_STATUS_ACCESS_DENIED = 13;
const CM_STATUS_FORWARDING_DISABLED = 20;

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
      // A dropped channel often comes back after re-registration; dispatch only if it recurs.
      return subKinds.length > 0 && subKinds.every((k) => PARTIAL_SERVICE.includes(k))
        ? 'REMOTE_FIX'
        : 'DISPATCH_TECHNICIAN';
    case 'FLAPPING':
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
      return 'NO_DISPATCH';
  }
}

function subKindIndex(kind: SubKind): number {
  return SUB_KINDS.indexOf(kind);
}

function inSubKindOrder(kinds: Iterable<SubKind>): SubKind[] {
  return [...new Set(kinds)].sort((a, b) => subKindIndex(a) - subKindIndex(b));
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
        a.channel.channelId - b.channel.channelId ||
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
  };
}

/**
 * Triage of a modem that did not answer. Seam for §3.3: CMTS state and neighbour counts will refine this into
 * INSUFFICIENT_DATA, PLANT_OUTAGE or LINE_FAULT [REGISTRATION_RF_FAILURE]; without them it is MODEM_OFFLINE.
 */
function diagnoseUnreachable(reading: UnreachableReading): Diagnosis {
  const noResponse: Finding = {
    code: 'NO_RESPONSE',
    severity: 'FAULT',
    observed: 0,
    limit: 1,
    unit: 'state',
    message: `The modem did not answer the poll (${reading.error}).`,
  };
  return result(
    'MODEM_OFFLINE',
    ['NO_POWER_OR_DISCONNECTED'],
    `Only this modem is offline: it did not answer (${reading.error}). Have the customer check that the modem has ` +
      'power (lights on) and that the coax cable is screwed in, then power-cycle it; book a technician if it is ' +
      'still offline after 5 minutes.',
    [noResponse],
  );
}

function diagnoseProvisioning(reading: ReachableReading): Diagnosis | null {
  const { value, name } = reading.status;
  let code: SubKind;
  let message: string;
  if (value === CM_STATUS_ACCESS_DENIED) {
    code = 'ACCESS_DENIED';
    message = `The modem reaches the network but was refused service (${name || 'accessDenied'}).`;
  } else if (value === CM_STATUS_FORWARDING_DISABLED) {
    code = 'FORWARDING_DISABLED';
    message = `The modem is registered but the network has disabled traffic for it (${name || 'forwardingDisabled'}).`;
  } else {
    return null;
  }
  const finding: Finding = {
    code,
    severity: 'FAULT',
    observed: value,
    limit: CM_STATUS_OPERATIONAL,
    unit: 'state',
    message,
  };
  return result(
    'PROVISIONING_ISSUE',
    [code],
    `Provisioning issue: ${message} Transfer to the back office to check the account, configuration file, MAC ` +
      'registration and device limit; no technician is needed.',
    [finding],
  );
}

function diagnoseRegistering(reading: ReachableReading): Diagnosis {
  const { value, name } = reading.status;
  const state = name || `state ${value}`;
  const finding: Finding = {
    code: 'REGISTRATION_IN_PROGRESS',
    severity: 'INFO',
    observed: value,
    limit: CM_STATUS_OPERATIONAL,
    unit: 'state',
    message: `The modem answers but is still registering (state ${state}).`,
  };
  return result(
    'INSUFFICIENT_DATA',
    ['REGISTRATION_IN_PROGRESS'],
    `The modem answers but is still registering (state ${state}), so its line cannot be graded yet. ` +
      'Check again in a few minutes; do not dispatch on this result.',
    [finding],
  );
}

function firstMessage(findings: Finding[], severity: Severity): string {
  return findings.find((f) => f.severity === severity)?.message ?? '';
}

/** §3.4 for the modem side: data in, verdict out. */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const { reading } = input;
  if (!reading.reachable) {
    return diagnoseUnreachable(reading);
  }
  const provisioning = diagnoseProvisioning(reading);
  if (provisioning != null) {
    return provisioning;
  }
  if (reading.status.value !== CM_STATUS_OPERATIONAL) {
    return diagnoseRegistering(reading);
  }

  const ctx: RuleContext = {
    reading,
    history: input.history,
    counterBaseline: input.counterBaseline,
    thresholds: input.thresholds,
  };
  const flapping = assessFlapping(reading, input.history, input.thresholds);
  const findings = sortFindings([...flapping.findings, ...RULES.flatMap((rule) => rule(ctx))]);
  const faultKinds = inSubKindOrder(
    findings.filter((f) => f.severity === 'FAULT' && !FLAPPING_KINDS.includes(f.code)).map((f) => f.code),
  );

  if (flapping.findings.length > 0) {
    const subKinds = [...inSubKindOrder(flapping.findings.map((f) => f.code)), ...faultKinds];
    const action = actionFor('FLAPPING', subKinds);
    const advice =
      action === 'SWAP_MODEM'
        ? "Have the customer check the modem's power supply and socket and that it is not overheating, then swap the modem."
        : 'Dispatch a technician to check the line.';
    return result(
      'FLAPPING',
      subKinds,
      `The modem keeps dropping off the network: ${flapping.findings[0].message} ${advice}`,
      findings,
    );
  }

  if (faultKinds.length > 0) {
    const advice =
      actionFor('LINE_FAULT', faultKinds) === 'REMOTE_FIX'
        ? 'Reboot the modem remotely once; dispatch a technician if it happens again within 24 h.'
        : 'Dispatch a technician.';
    return result(
      'LINE_FAULT',
      faultKinds,
      `Line fault: ${firstMessage(findings, 'FAULT')} ${advice}`,
      findings,
    );
  }

  const marginalKinds = inSubKindOrder(findings.filter((f) => f.severity === 'MARGINAL').map((f) => f.code));
  if (marginalKinds.length > 0) {
    return result(
      'MARGINAL',
      marginalKinds,
      `In spec but without margin: ${firstMessage(findings, 'MARGINAL')} Reboot the modem remotely and re-check; ` +
        'open a non-urgent plant ticket if it persists.',
      findings,
    );
  }

  const infoKinds = inSubKindOrder(findings.filter((f) => f.severity === 'INFO').map((f) => f.code));
  const extra = infoKinds
    .map((k) => findings.find((f) => f.code === k)?.message ?? '')
    .filter((m) => m !== '');
  return result(
    'TEXTBOOK_OK',
    infoKinds,
    [
      'Line and modem are within spec. Have the customer test with a computer wired directly to the modem, ' +
        'bypassing their own router.',
      ...extra,
    ].join(' '),
    findings,
  );
}
