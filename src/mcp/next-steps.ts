import type { Action } from '../domain/diagnosis';

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
