import type { Action } from '../domain/diagnosis';
import type { BringItem, Dispatch, FirstCheck } from '../domain/dispatch';
import type { MessageKey, Say } from '../i18n/messages';

/** What the agent (human or AI) does next for each action, in words fit to act on during the call. */
export const NEXT_STEP: Readonly<Record<Action, MessageKey>> = {
  CHECK_CUSTOMER_EQUIPMENT: 'mcp.nextStep.checkCustomerEquipment',
  REMOTE_FIX: 'mcp.nextStep.remoteFix',
  DISPATCH_TECHNICIAN: 'mcp.nextStep.dispatchTechnician',
  ESCALATE_TO_NOC: 'mcp.nextStep.escalateToNoc',
  CHECK_POWER_AND_CABLING: 'mcp.nextStep.checkPowerAndCabling',
  SWAP_MODEM: 'mcp.nextStep.swapModem',
  BACK_OFFICE: 'mcp.nextStep.backOffice',
  NO_DISPATCH: 'mcp.nextStep.noDispatch',
};

const FIRST_CHECK: Readonly<Record<FirstCheck, MessageKey>> = {
  CHECK_POWER_AT_MODEM: 'mcp.firstCheck.powerAtModem',
  CHECK_COAX_AT_MODEM: 'mcp.firstCheck.coaxAtModem',
  REMOTE_REBOOT: 'mcp.firstCheck.remoteReboot',
  TEST_WIRED_TO_MODEM: 'mcp.firstCheck.wiredToModem',
  MEASURE_AT_ENTRY_POINT: 'mcp.firstCheck.measureAtEntryPoint',
  CHECK_DROP_AND_GROUND_BLOCK: 'mcp.firstCheck.dropAndGroundBlock',
  CHECK_TAP_AND_AMPLIFIER: 'mcp.firstCheck.tapAndAmplifier',
  CHECK_NODE_ALARMS: 'mcp.firstCheck.nodeAlarms',
  CHECK_PROVISIONING: 'mcp.firstCheck.provisioning',
  RECHECK_LINE: 'mcp.firstCheck.recheckLine',
};

const BRING: Readonly<Record<BringItem, MessageKey>> = {
  PAD_ATTENUATOR: 'mcp.bring.padAttenuator',
  SPLITTER: 'mcp.bring.splitter',
  CONNECTORS: 'mcp.bring.connectors',
  DROP_CABLE: 'mcp.bring.dropCable',
  SPARE_MODEM: 'mcp.bring.spareModem',
};

/** The dispatch decision in a few sentences the agent can act on (the machine fields are in the structured result). */
export function dispatchSentence(d: Dispatch, say: Say): string {
  if (!d.needed) {
    return [
      say('mcp.dispatch.noVisit', { urgency: d.urgency }),
      ...(d.outage ? [say('mcp.dispatch.outage', { outage: d.outage })] : []),
    ].join(' ');
  }
  const c = d.confirmation;
  const w = d.visitWindow;
  const confirmed = c.confirmed
    ? c.by === 'HARD_FAULT'
      ? say('mcp.dispatch.confirmedHard')
      : say('mcp.dispatch.confirmedSeen', { readings: c.faultReadings, pattern: c.pattern })
    : c.recheckAt
      ? say('mcp.dispatch.unconfirmedRecheck', { recheckAt: new Date(c.recheckAt) })
      : say('mcp.dispatch.unconfirmed');
  const when = d.sameDayEligible
    ? say('mcp.dispatch.sameDay', { cutoff: w.sameDayCutoff, timeZone: w.timeZone })
    : w.earliestDate
      ? say('mcp.dispatch.earliest', {
          earliest: new Date(`${w.earliestDate}T00:00:00Z`),
          reason: w.reason,
          timeZone: w.timeZone,
        })
      : say('mcp.dispatch.earliestUnknown', { reason: w.reason, timeZone: w.timeZone });
  return [
    say('mcp.dispatch.visit', { urgency: d.urgency, skill: d.skill }),
    confirmed,
    when,
    ...(d.firstChecks.length > 0
      ? [say('mcp.dispatch.firstChecks', { checks: say.list(d.firstChecks.map((f) => say(FIRST_CHECK[f]))) })]
      : []),
    ...(d.bring.length > 0
      ? [say('mcp.dispatch.bring', { items: say.list(d.bring.map((b) => say(BRING[b]))) })]
      : []),
  ].join(' ');
}
