// @ts-check
// The shapes the agent console reads from /api/v1, as JSDoc types. Fields an older service may lack (the answer's
// texts, devices, node counts and scripts; the customer's services) are optional: the page falls back to the stored
// summary and messages, or leaves the part out.

/**
 * @typedef {import('../api-types.js').Verdict} Verdict
 * @typedef {import('../api-types.js').Dispatch} Dispatch
 * @typedef {import('../api-types.js').Severity} Severity
 *
 * @typedef {object} Me
 * @property {string} keyId
 * @property {string} name
 * @property {string[]} roles
 * @property {{ checkLines: boolean, reboot: boolean, needsLineToken: boolean }} may
 *
 * @typedef {'internet'|'tv'|'phone'} Service
 * @typedef {{ code: string, title: string, text: string }} Script
 * @typedef {{ modemId: string, lineToken: string, expiresAt: string }} Line
 *
 * @typedef {object} Verified
 * @property {true} verified
 * @property {string} customerNumber
 * @property {Service[]|null} [services] null or absent: not known
 * @property {Script[]} [scripts]
 * @property {Line[]} lines
 *
 * @typedef {{ verified: false, attemptsLeft: number, lockedForSec?: number }} NotVerified
 * @typedef {Verified|NotVerified} VerifyResult
 *
 * @typedef {object} ConsoleFinding
 * @property {string} code
 * @property {Severity} severity
 * @property {string} message
 * @property {string} [technicalMessage]
 * @property {string} [customerMessage]
 *
 * @typedef {{ code: string, reason: string, text?: string }} ConsoleNotChecked
 * @typedef {{ cmtsId: string, node: string, others: number, othersOffline: number }} Neighbours
 * @typedef {{ mac: string, vendor: string|null }} CpeDevice
 *
 * @typedef {object} ConsoleDiagnosis
 * @property {string} modemId
 * @property {Verdict} verdict
 * @property {string[]} subKinds
 * @property {string} action
 * @property {string} summary
 * @property {ConsoleFinding[]} findings
 * @property {ConsoleNotChecked[]} [notChecked]
 * @property {string} observedAt
 * @property {number} ageSec
 * @property {'live'|'cache'} source
 * @property {Dispatch} [dispatch]
 * @property {{ place: string, confidence: string, message: string, text?: string }} [location] `text` in the page's language
 * @property {string} [language]
 * @property {string} [headline] one sentence: the verdict for the agent
 * @property {string} [customerMessage] plain words for the caller
 * @property {string} [nextStep] what the agent does now
 * @property {Neighbours} [neighbours] the modem's node as the CMTS saw it
 * @property {Script[]} [scripts]
 * @property {CpeDevice[]|null} [devices] the devices behind the modem with their makers; null when not read
 *
 * @typedef {{ at: string, kind: string, from?: string, to?: string }} TimelineEvent
 * @typedef {{ modemId: string, since: string, coveredFrom: string|null, events: TimelineEvent[] }} Timeline
 *
 * @typedef {'resetting'|'waiting_for_modem'|'done'|'failed'} ActionState
 * @typedef {object} RemoteAction
 * @property {string} id
 * @property {string} modemId
 * @property {ActionState} state
 * @property {{ at: string, state: ActionState, note: string }[]} steps
 * @property {{ verdict: Verdict, summary: string, action: string, uptimeSec: number|null } | null} outcome
 * @property {string|null} error
 */

export {};
