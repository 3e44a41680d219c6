import type { Action } from '../domain/diagnosis';
import type { Dispatch, Skill, Urgency, VisitWindow } from '../domain/dispatch';

/** What the agent (human or AI) does next for each action, in words fit to act on during the call. */
export const NEXT_STEP: Record<Action, string> = {
  CHECK_CUSTOMER_EQUIPMENT:
    'The line and modem are fine. Ask the customer to connect a computer by cable straight to the modem; if that works, the fault is in their own router, Wi-Fi or computer. Do not book a technician.',
  REMOTE_FIX:
    'Try a remote fix first (a modem reboot by an operator), then check the line again. Book a technician only if the fault stays.',
  DISPATCH_TECHNICIAN:
    'The line is out of specification at the customer premises: book a technician visit and pass on the findings.',
  ESCALATE_TO_NOC:
    'The fault is in the network serving the whole area, not this home: tell the customer engineers are working on it and do not book a technician.',
  CHECK_POWER_AND_CABLING:
    "Ask the customer to check the modem's power supply, that its lights are on and that the coax cable is screwed in; then check the line again.",
  SWAP_MODEM: 'The modem itself is faulty: arrange a replacement modem.',
  BACK_OFFICE:
    'This is a provisioning or account problem, not the line: pass it to the back office. Do not book a technician.',
  NO_DISPATCH: 'There is not enough data to decide: do not book a technician yet; check again shortly.',
};

const URGENCY_WORDS: Record<Urgency, string> = {
  SAME_DAY: 'a same-day visit',
  NEXT_AVAILABLE: 'the next available visit',
  NOC_ONLY: 'no house call (the NOC handles it)',
  NONE: 'not needed',
};

const SKILL_WORDS: Record<Skill, string> = {
  INSTALL_TECH: 'an install technician',
  LINE_TECH: 'a line technician',
  NOC: 'the NOC',
  NONE: 'nobody',
};

const WINDOW_WORDS: Record<VisitWindow['reason'], string> = {
  BEFORE_CUTOFF: 'before the same-day cut-off',
  AFTER_CUTOFF: 'after the same-day cut-off',
  NOT_A_WORKING_DAY: 'no technicians today',
  NOT_URGENT: 'not urgent enough for today',
  NO_VISIT: 'no visit',
};

/** The dispatch decision in one paragraph the agent can act on (the machine fields are in the structured result). */
export function dispatchSentence(d: Dispatch): string {
  if (!d.needed) {
    const outage = d.outage ? ` It belongs to outage ${d.outage}: one ticket for the node.` : '';
    return `Technician: ${URGENCY_WORDS[d.urgency]}.${outage}`;
  }
  const c = d.confirmation;
  const confirmed = c.confirmed
    ? `fault confirmed (${c.by === 'HARD_FAULT' ? 'a hard fault' : `seen on ${c.faultReadings} readings, ${c.pattern.toLowerCase()}`})`
    : `not confirmed yet (one reading)${c.recheckAt ? `: Linecheck checks again at ${new Date(c.recheckAt).toISOString()}` : ''}`;
  const w = d.visitWindow;
  const when = d.sameDayEligible
    ? `a slot today is realistic (before ${w.sameDayCutoff}, ${w.timeZone})`
    : `earliest visit ${w.earliestDate ?? 'not known'} (${WINDOW_WORDS[w.reason]}, ${w.timeZone})`;
  return (
    `Technician: ${URGENCY_WORDS[d.urgency]} by ${SKILL_WORDS[d.skill]}; ${confirmed}; ${when}. ` +
    `First: ${d.firstChecks.join(', ')}. Bring: ${d.bring.join(', ')}.`
  );
}
