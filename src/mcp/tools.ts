import { z } from 'zod';
import { timelineJson, type TimelineSource } from '../diagnosis/timeline';
import { groupKey } from '../domain/modem-record';
import type { NodeState } from '../nodes/nodes.service';
import { dispatchSentence, NEXT_STEP } from './next-steps';
import { answer, defineTool, refuse, type LineTool } from './tool-context';

// The MCP tools, one defineTool spec each: results are written for an LLM talking to a customer (the verdict, what
// to tell the customer, what to do next). LINE_TOOLS at the end is the order tools/list shows them in.

const modemId = z.string().min(1).max(64).describe('The line (modem id) that verify_caller returned.');
const lineToken = z
  .string()
  .max(200)
  .optional()
  .describe('The line_token verify_caller returned for this line. Required for agent keys.');

/** What a node's state means for this customer's call: only an outage rules out a visit on its own. */
const NODE_STATE_ADVICE: Record<NodeState, string> = {
  OUTAGE: 'This is an area outage: no technician visit for this customer; engineers are on it.',
  NODE_WIDE_FAULT:
    'A fault is shared across the node: if diagnose_line shows the same fault on this line, it is the area, not ' +
    'this home (no visit); otherwise decide with diagnose_line.',
  DEGRADED:
    'Some modems of the node have faults of their own: this says nothing about this home; decide with diagnose_line.',
  OK: 'The node is healthy: decide with diagnose_line.',
  UNKNOWN:
    'The CMTS did not answer or shows no modem table, so the node cannot be judged: decide with diagnose_line.',
};

const verifyCaller = defineTool({
  name: 'verify_caller',
  title: 'Verify the caller',
  description:
    'Call this first, before saying anything about a line. Checks the customer number plus the full name ' +
    'or the postal address the caller gives (case, spacing and accents do not matter). On success returns ' +
    'the line(s) and a line_token to pass to the other tools. On failure it never says which part was ' +
    'wrong: do not tell the caller either. Repeated failures lock the customer number for a while.',
  input: {
    customer_number: z.string().min(1).max(64).describe('As the caller says it, e.g. "C1000001".'),
    full_name: z.string().min(1).max(200).optional().describe('The account holder, e.g. "Jan Iksiński".'),
    address: z.string().min(1).max(300).optional().describe('Street, house and flat, e.g. "Długa 5/12".'),
  },
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false },
  async run(args, ctx) {
    if (args.full_name == null && args.address == null) {
      return refuse('Ask the caller for their full name or their address, then call verify_caller again.');
    }
    const result = await ctx.verification.verify(
      {
        customerNumber: args.customer_number,
        ...(args.full_name != null && { fullName: args.full_name }),
        ...(args.address != null && { address: args.address }),
      },
      ctx.caller,
      'mcp',
    );
    if (!result.verified) {
      return answer(
        result.attemptsLeft > 0
          ? `Not verified. Do not give any information about the line. Ask the caller to repeat their ` +
              `details (${result.attemptsLeft} attempt(s) left for this customer number).`
          : `Not verified, and this customer number is now locked for ${Math.round((result.lockedForSec ?? 0) / 60)} ` +
              'minutes. Do not give any information about the line; offer a call back.',
        result,
      );
    }
    const lines = result.lines.map(
      (l) => `${l.modemId} (line_token ${l.lineToken}, valid until ${l.expiresAt})`,
    );
    return answer(
      `Verified customer ${result.customerNumber}. Line(s): ${lines.join('; ')}. ` +
        'Pass modem_id and line_token to diagnose_line.',
      result,
    );
  },
});

const diagnoseLine = defineTool({
  name: 'diagnose_line',
  title: 'Diagnose a line',
  description:
    "Checks the caller's modem now (or uses a reading younger than max_age_sec) and returns the verdict: " +
    'whether the line is fine (then the problem is the customer equipment), needs a remote fix, a technician, ' +
    'or is part of an outage. Includes the sentence to tell the customer, the next step for you, and the ' +
    'dispatch decision: whether to book a technician, how soon (same day or not, by the cut-off), whom, and ' +
    'whether the fault is confirmed.',
  input: {
    modem_id: modemId,
    line_token: lineToken,
    max_age_sec: z.number().int().min(0).max(3600).optional().describe('0 forces a fresh check.'),
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, ctx) {
    const d = await ctx.checks.diagnosis(args.modem_id, args.max_age_sec);
    const findings = d.findings.map((f) => `- ${f.severity}: ${f.message}`).join('\n');
    const notChecked = d.notChecked.map((n) => `- ${n.reason}`).join('\n');
    return answer(
      `Verdict for ${d.modemId}: ${d.verdict} (${d.source === 'live' ? 'checked just now' : `reading ${d.ageSec} s old`}).\n` +
        `Tell the customer: ${d.summary}\n` +
        `Next step for you: ${NEXT_STEP[d.action]}` +
        (d.dispatch ? `\n${dispatchSentence(d.dispatch)}` : '') +
        (findings ? `\nFindings:\n${findings}` : '') +
        (notChecked ? `\nNot checked (the modem does not give what it needs):\n${notChecked}` : ''),
      d,
    );
  },
});

/** What the timeline says of the modem's own log, when it holds none of it. */
const MODEM_LOG_NOTE: Record<'absent' | 'notRead', string> = {
  absent: "The modem keeps no event log Linecheck can read: only Linecheck's own readings are shown.",
  notRead:
    "The modem's own event log is not included: it is read by diagnose_line (a call-centre check), and the " +
    'latest reading is not one. Call diagnose_line first to include it.',
};

const getLineTimeline = defineTool({
  name: 'get_line_timeline',
  title: "A line's recent history",
  description:
    'What happened to the line in the last days: outages and how long they lasted, modem reboots, ' +
    "re-registrations and verdict changes from Linecheck's readings, merged with what the modem logged itself " +
    '(T3/T4 time-outs, ranging failures, DHCP, time-of-day and config-file failures, reboots), each marked with ' +
    "its source. The modem's log is the one diagnose_line last read. Use it when the customer says the problem " +
    'comes and goes.',
  input: {
    modem_id: modemId,
    line_token: lineToken,
    days: z.number().int().min(1).max(31).optional().describe('How far back, default 7.'),
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, ctx) {
    const t = timelineJson(await ctx.checks.timeline(args.modem_id, args.days ?? 7));
    const source = (s: TimelineSource): string => (s === 'modemLog' ? 'modem log' : 'Linecheck');
    const events = t.events.map((e) => `- ${e.at} ${e.kind} [${source(e.source)}]: ${e.evidence}`);
    const untimed = t.untimed.map((e) => `- ${e.kind}: ${e.evidence}`);
    const logState = t.modemLog.state === 'read' ? null : MODEM_LOG_NOTE[t.modemLog.state];
    return answer(
      [
        events.length > 0
          ? `${events.length} event(s) on ${args.modem_id} since ${t.since}:\n${events.join('\n')}`
          : `Nothing unusual recorded on ${args.modem_id} in the last ${args.days ?? 7} day(s).`,
        ...(untimed.length > 0
          ? [
              `Logged by the modem without a time (it had no time of day), so not placed above:\n${untimed.join('\n')}`,
            ]
          : []),
        ...(logState ? [logState] : []),
      ].join('\n'),
      { modemId: args.modem_id, ...t },
    );
  },
});

const getNodeStatus = defineTool({
  name: 'get_node_status',
  title: "The state of the line's neighbourhood",
  description:
    'Whether the node (the street cabinet) serving this line has an outage or a fault shared by many of its ' +
    'modems. OUTAGE: the area is down; tell the customer engineers are on it, no technician. ' +
    'NODE_WIDE_FAULT: a fault shared across the node; if diagnose_line shows the same fault on this line, it ' +
    'is the area, not this home. DEGRADED or OK say nothing about this home: decide with diagnose_line.',
  input: { modem_id: modemId, line_token: lineToken },
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, ctx) {
    const m = (await ctx.inventory.record(args.modem_id)).membership;
    if (!m) {
      return answer(
        `Linecheck does not know the node of ${args.modem_id} yet (its CMTS was not read).`,
        null,
      );
    }
    // Only the node's aggregate: which other homes are affected is not for the caller.
    const { worst: _worst, ...node } = await ctx.nodes.node(m.cmtsId, groupKey(m));
    const faults = node.sharedFaults.map((f) => `${f.subKind} on ${f.modems} modems`).join(', ');
    return answer(
      `Node ${node.cmtsId}/${node.serviceGroupId}` +
        (node.groupedBy === 'upstreamChannels'
          ? ' (grouped by upstream channel: the CMTS gives no service group)'
          : '') +
        `: ${node.state}. ${node.offline} of ${node.modems} modems offline` +
        (faults ? `; faults: ${faults}.` : '.') +
        ` ${NODE_STATE_ADVICE[node.state]}`,
      node,
    );
  },
});

const rebootModem = defineTool({
  name: 'reboot_modem',
  title: "Reboot the customer's modem",
  description:
    'Operator keys only. Restarts the modem remotely (the customer loses service for a few minutes), then ' +
    'follows it until it is back and diagnoses it again. Tell the customer first. Requires confirm: true ' +
    'and a reason; every reboot is audited. Returns an action id to check with diagnose_line afterwards.',
  input: {
    modem_id: modemId,
    reason: z.string().min(3).max(500).describe('Why, in a few words, for the audit log.'),
    confirm: z.literal(true).describe('Must be true: you have told the customer.'),
  },
  annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: false },
  operatorOnly: true,
  async run(args, ctx) {
    const action = await ctx.reboots.start(args.modem_id, args.reason, ctx.caller, 'mcp');
    return answer(
      `Reboot of ${args.modem_id} started (action ${action.id}). The modem will be offline for a few ` +
        'minutes; Linecheck diagnoses it again when it is back. Check it with diagnose_line in a few minutes.',
      action,
    );
  },
});

/** Every tool, in registration order; reboot_modem is enabled only for operator keys. */
export const LINE_TOOLS: readonly LineTool[] = [
  verifyCaller,
  diagnoseLine,
  getLineTimeline,
  getNodeStatus,
  rebootModem,
];
