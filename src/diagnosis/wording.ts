import type { CpeDevice, Neighbourhood, SubKind } from '../domain/diagnosis';
import type { EqualizerDataFailure } from '../domain/pre-equalization';

// The words diagnose.ts hands to the agent: the finding messages it writes itself and every verdict's summary
// (what to tell the customer and what to do). diagnose.ts decides; this file only phrases the decision.

/** Why the neighbours of a silent modem could not be counted (decided in diagnose.ts). */
export type NeighboursUnknownWhy =
  | { kind: 'noCmts' }
  | { kind: 'blindCmts'; cmtsId: string }
  | { kind: 'neverPlaced'; cmtsId: string }
  | { kind: 'alone'; neighbourhood: Neighbourhood };

/** What a LINE_FAULT asks for, after the fault itself. */
export type LineFaultAdvice =
  { kind: 'nodeWide'; nodeWideMessage: string } | { kind: 'remoteFix' } | { kind: 'dispatch' };

/** What a FLAPPING verdict asks for, after the drop itself. */
export type FlappingAdvice =
  { kind: 'nodeWide'; nodeWideMessage: string } | { kind: 'swapModem' } | { kind: 'dispatch' };

// ---- Finding messages ----

export function noResponseMessage(error: string): string {
  return `The modem did not answer the poll (${error}).`;
}

export function nodeName(n: Neighbourhood): string {
  return n.groupedBy === 'upstreamChannels'
    ? `the upstream channels ${n.groupKey.slice(n.groupKey.indexOf(':') + 1)} of ${n.cmtsId} (grouped by upstream ` +
        'channel: the CMTS gives no service group)'
    : `node ${n.groupKey} of ${n.cmtsId}`;
}

export function nodeWideMessage(kind: SubKind, count: number, others: number): string {
  return `The same fault (${kind}) shows on ${count} of ${others} other modems of this node: a node or amplifier problem.`;
}

/** Why the neighbours of a silent modem could not be counted, for the agent. */
export function neighboursUnknownReason(why: NeighboursUnknownWhy): string {
  switch (why.kind) {
    case 'noCmts':
      return 'Linecheck has no view of it from the network side (no CMTS is known for it, or its CMTS did not answer)';
    case 'blindCmts':
      return `its CMTS ${why.cmtsId} shows no modem table`;
    case 'neverPlaced':
      return `its CMTS ${why.cmtsId} has never shown which node it belongs to`;
    case 'alone':
      return `no other modem is known on its node (${nodeName(why.neighbourhood)})`;
  }
}

export function neighboursUnknownMessage(reason: string): string {
  return `Whether other homes are affected could not be checked: ${reason}.`;
}

export function silenceBurstMessage(othersSilent: number, windowMinutes: number): string {
  return (
    `${othersSilent} other modems stopped answering within the last ${windowMinutes} minutes: ` +
    'a wider outage, or a fault on the network Linecheck reaches the modems through.'
  );
}

export function onlineButUnmanagedMessage(error: string): string {
  return `The network sees the modem online, but the modem did not answer the poll (${error}).`;
}

export function outageMessage(n: Neighbourhood): string {
  return `${n.othersOffline} of ${n.others} other modems on ${nodeName(n)} are offline too.`;
}

export function rangingFailureMessage(state: string): string {
  return (
    `The modem is powered and hears the network but cannot complete ranging (${state}): ` +
    'the upstream path from this home is faulty.'
  );
}

export function accessDeniedMessage(name: string): string {
  return `The modem reaches the network but was refused service (${name || 'accessDenied'}).`;
}

export function forwardingDisabledMessage(name: string): string {
  return `The modem is registered but the network has disabled traffic for it (${name || 'forwardingDisabled'}).`;
}

/** The state named in a registering modem's finding and summary. */
export function registeringState(value: number, name: string): string {
  return name || `state ${value}`;
}

export function registeringMessage(state: string): string {
  return `The modem answers but is still registering (state ${state}).`;
}

// ---- Summaries: what to tell the customer, and what to do ----

export function lineFaultSummary(firstFault: string, advice: LineFaultAdvice): string {
  let text: string;
  if (advice.kind === 'nodeWide') {
    text = `${advice.nodeWideMessage} Escalate to network operations; no house call for this customer alone.`;
  } else if (advice.kind === 'remoteFix') {
    text = 'Reboot the modem remotely once; dispatch a technician if it happens again within 24 h.';
  } else {
    text = 'Dispatch a technician.';
  }
  return `Line fault: ${firstFault} ${text}`;
}

export function modemOfflineSummary(neighbourhood: Neighbourhood, error: string): string {
  const where =
    `${neighbourhood.others - neighbourhood.othersOffline} of ${neighbourhood.others} other modems on ` +
    `${neighbourhood.groupedBy === 'upstreamChannels' ? 'the same upstream channels' : 'the same node'} are ` +
    'online, so the problem is at this home';
  return (
    `${where}: it did not answer (${error}). Have the customer check that the modem has ` +
    'power (lights on) and that the coax cable is screwed in, then power-cycle it; book a technician if it is ' +
    'still offline after 5 minutes.'
  );
}

export function silenceBurstSummary(error: string, burstMessage: string): string {
  return (
    `The modem did not answer (${error}), and neither did many others: ${burstMessage} This is not ` +
    'about this home alone: escalate to network operations; no house call.'
  );
}

export function neighboursUnknownSummary(error: string, reason: string): string {
  return (
    `The modem did not answer (${error}), and ${reason}, so it cannot be told whether only this home ` +
    "is affected. Ask whether the modem's lights are on: if they are off, have the customer check its power " +
    'and plug; if they are on, do not book a technician on this: escalate to network operations.'
  );
}

/** `networkSide`: the first graded finding from the CMTS's row, if any. */
export function onlineButUnmanagedSummary(error: string, networkSide: string | undefined): string {
  return (
    `The modem is online at the network but its management interface does not answer (${error}), so ` +
    'only the network side can be checked.' +
    (networkSide == null ? '' : ` From the network side: ${networkSide}`) +
    ' Nothing to dispatch on this alone.'
  );
}

export function plantOutageSummary(outage: string): string {
  return (
    `There is an outage in the customer's area: ${outage} Engineers are on it (network operations); no ` +
    'house call and no modem swap: attach the ticket to the outage.'
  );
}

export function provisioningSummary(finding: string): string {
  return (
    `Provisioning issue: ${finding} Transfer to the back office to check the account, configuration ` +
    'file, MAC registration and device limit; no technician is needed.'
  );
}

export function registeringSummary(state: string): string {
  return (
    `The modem answers but is still registering (state ${state}), so its line cannot be graded yet. ` +
    'Check again in a few minutes; do not dispatch on this result.'
  );
}

export function flappingSummary(firstDrop: string, advice: FlappingAdvice): string {
  let text: string;
  if (advice.kind === 'nodeWide') {
    text = `${advice.nodeWideMessage} Escalate to network operations; no house call for this customer alone.`;
  } else if (advice.kind === 'swapModem') {
    text =
      "Have the customer check the modem's power supply and socket and that it is not overheating, then swap the modem.";
  } else {
    text = 'Dispatch a technician to check the line.';
  }
  return `The modem keeps dropping off the network: ${firstDrop} ${text}`;
}

export function marginalSummary(firstMarginal: string): string {
  return (
    `In spec but without margin: ${firstMarginal} Reboot the modem remotely and re-check; ` +
    'open a non-urgent plant ticket if it persists.'
  );
}

/** The textbook opening, then the INFO findings' messages. */
export function textbookSummary(
  devices: readonly CpeDevice[] | undefined,
  infoMessages: readonly string[],
): string {
  return [textbookOpening(devices), ...infoMessages].join(' ');
}

/** A summary followed by one more sentence (the blind CMTS's "no evidence" note). */
export function withSentence(summary: string, sentence: string): string {
  return `${summary} ${sentence}`;
}

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Good enough for vendor names: "an AVM", "an Intel", "a TP-Link", "a Ubiquiti". */
function article(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a';
}

/** "a TP-Link router is connected", "TP-Link and AVM devices are connected", "a device is connected"... */
function describeDevices(devices: readonly CpeDevice[]): string {
  const distinct = [...new Map(devices.map((d) => [d.mac.toLowerCase(), d])).values()];
  const vendors = [
    ...new Set(distinct.flatMap((d) => (d.vendor == null || d.vendor === '' ? [] : [d.vendor]))),
  ];
  if (distinct.length === 1) {
    return vendors.length === 1
      ? `${article(vendors[0])} ${vendors[0]} router is connected`
      : 'a device is connected';
  }
  const unknown = distinct.filter((d) => d.vendor == null || d.vendor === '').length;
  if (vendors.length === 0) {
    return `${distinct.length} devices are connected`;
  }
  const others = unknown === 0 ? '' : ` and ${unknown} other device${unknown === 1 ? '' : 's'}`;
  return `${joinNames(vendors)} devices${others} are connected`;
}

function textbookOpening(devices: readonly CpeDevice[] | undefined): string {
  if (devices == null || devices.length === 0) {
    return (
      'Line and modem are within spec. Have the customer test with a computer wired directly to the modem, ' +
      'bypassing their own router.'
    );
  }
  return (
    `Line and modem are within spec; ${describeDevices(devices)}: have the customer test with a computer wired ` +
    'directly to the modem, bypassing the router.'
  );
}

// ---- The pre-equalisation view (GET /modems/{id}/pre-equalisation): why a modem or a channel has no analysis ----

export const PRE_EQ_VIEW_WORDS = {
  noReading: 'The modem has not been read yet (or its reading expired): GET …/diagnosis reads it.',
  noUpstream:
    'The latest reading has no upstream SC-QAM channel, so there are no pre-equalisation coefficients.',
  notRead:
    "Coefficients not read: the modem gives no docsIf3CmStatusUsEqData for this channel (DOCS-IF-MIB's " +
    'docsIfCmStatusEqualizationData speaks only for a single upstream).',
  empty: 'No pre-equalisation: the modem answered an empty value for this channel.',
};

export function preEqSilentReason(observedAtIso: string, error: string): string {
  return `The modem did not answer its latest poll (${observedAtIso}: ${error}), so there are no coefficients.`;
}

/** Coefficients the modem sent that are not usable DocsEqualizerData (an empty value is "no pre-equalisation"). */
export function preEqUnusableReason(failure: EqualizerDataFailure): string {
  const why = ((): string => {
    switch (failure.reason) {
      case 'EMPTY':
        return 'the value is empty';
      case 'TOO_SHORT':
        return `${failure.actualBytes} bytes, fewer than the 4-byte header`;
      case 'BAD_TAPS_PER_SYMBOL':
        return `${failure.tapsPerSymbol} taps per symbol (1, 2 or 4 allowed)`;
      case 'NO_FORWARD_TAPS':
        return 'the header announces no forward taps';
      case 'TOO_MANY_TAPS':
        return `${failure.taps} taps, more than the ${failure.maxTaps} allowed`;
      case 'MAIN_TAP_OUT_OF_RANGE':
        return `main tap ${failure.mainTap} is not among the ${failure.forwardTaps} forward taps`;
      case 'LENGTH_MISMATCH':
        return `${failure.actualBytes} bytes where the header announces ${failure.expectedBytes}`;
      case 'MAIN_TAP_ZERO':
        return 'the main tap is 0 (the modem is not equalising), so there is nothing to measure against';
    }
  })();
  return `The coefficients the modem sent are not valid DocsEqualizerData: ${why}.`;
}
