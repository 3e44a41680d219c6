import { z } from 'zod';
import { timelineJson } from '../diagnosis/timeline';
import { REBOOT_ROLES } from '../domain/api-key';
import { groupKey } from '../domain/modem-record';
import type { MessageKey, Say } from '../i18n/messages';
import type { NodeState } from '../nodes/nodes.service';
import { withLineTexts, withTimelineTexts } from '../i18n/line-texts';
import { lineScripts, SERVICE_NAME } from '../lines/call-script-texts';
import { answer, defineTool, refuse, type LineTool } from './tool-context';

// The MCP tools, one defineTool spec each: results are written for an LLM talking to a customer (the verdict, what
// to tell the customer, what to do next), every text from the catalogues (src/i18n/catalogues). LINE_TOOLS at the
// end is the order tools/list shows them in.

const modemId = (say: Say) => z.string().min(1).max(64).describe(say('mcp.arg.modemId'));
const lineToken = (say: Say) => z.string().max(200).optional().describe(say('mcp.arg.lineToken'));

/** What a node's state means for this customer's call: only an outage rules out a visit on its own. */
const NODE_STATE_ADVICE: Readonly<Record<NodeState, MessageKey>> = {
  OUTAGE: 'mcp.node.advice.outage',
  NODE_WIDE_FAULT: 'mcp.node.advice.nodeWideFault',
  DEGRADED: 'mcp.node.advice.degraded',
  OK: 'mcp.node.advice.ok',
  UNKNOWN: 'mcp.node.advice.unknown',
};

const verifyCaller = defineTool({
  name: 'verify_caller',
  title: 'mcp.verifyCaller.title',
  description: 'mcp.verifyCaller.description',
  input: (say: Say) => ({
    customer_number: z.string().min(1).max(64).describe(say('mcp.verifyCaller.arg.customerNumber')),
    full_name: z.string().min(1).max(200).optional().describe(say('mcp.verifyCaller.arg.fullName')),
    address: z.string().min(1).max(300).optional().describe(say('mcp.verifyCaller.arg.address')),
  }),
  annotations: { readOnlyHint: false, idempotentHint: false, openWorldHint: false },
  async run(args, { say, ...ctx }) {
    if (args.full_name == null && args.address == null) {
      return refuse(say('mcp.verifyCaller.askNameOrAddress'));
    }
    const result = await ctx.verification.verify(
      {
        customerNumber: args.customer_number,
        ...(args.full_name != null && { fullName: args.full_name }),
        ...(args.address != null && { address: args.address }),
      },
      ctx.caller,
      'mcp',
      say.lang,
    );
    if (!result.verified) {
      return answer(
        result.attemptsLeft > 0
          ? say('mcp.verifyCaller.notVerified', { attemptsLeft: result.attemptsLeft })
          : say('mcp.verifyCaller.locked', { minutes: Math.round((result.lockedForSec ?? 0) / 60) }),
        result,
      );
    }
    const lines = result.lines.map((l) =>
      say('mcp.verifyCaller.line', {
        modemId: l.modemId,
        lineToken: l.lineToken,
        expiresAt: new Date(l.expiresAt),
      }),
    );
    return answer(
      [
        say('mcp.verifyCaller.verified', {
          customerNumber: result.customerNumber,
          count: lines.length,
          lines: lines.join('; '),
        }),
        result.services
          ? say('mcp.verifyCaller.services', {
              services: say.list(result.services.map((s) => say(SERVICE_NAME[s]))),
            })
          : say('mcp.verifyCaller.servicesUnknown'),
        say('mcp.verifyCaller.scripts'),
        ...result.scripts.map((s) => say('mcp.verifyCaller.script', { title: s.title, text: s.text })),
      ].join('\n'),
      result,
    );
  },
});

const diagnoseLine = defineTool({
  name: 'diagnose_line',
  title: 'mcp.diagnoseLine.title',
  description: 'mcp.diagnoseLine.description',
  input: (say: Say) => ({
    modem_id: modemId(say),
    line_token: lineToken(say),
    max_age_sec: z.number().int().min(0).max(3600).optional().describe(say('mcp.diagnoseLine.arg.maxAgeSec')),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, { say, checks, inventory }) {
    const line = await checks.diagnosis(args.modem_id, args.max_age_sec);
    const record = await inventory.record(args.modem_id);
    const d = {
      ...withLineTexts(line, say),
      scripts: lineScripts(line.verdict, record.customer?.services, say),
    };
    const findings = d.findings.map((f) => `- ${f.technicalMessage}`);
    const notChecked = d.notChecked.map((n) => `- ${n.text}`);
    return answer(
      [
        d.source === 'live'
          ? say('mcp.diagnoseLine.verdictLive', { modemId: d.modemId, verdict: d.verdict })
          : say('mcp.diagnoseLine.verdictStored', {
              modemId: d.modemId,
              verdict: d.verdict,
              ageSec: d.ageSec,
            }),
        d.headline,
        say('mcp.diagnoseLine.tellCustomer', { summary: d.customerMessage }),
        say('mcp.diagnoseLine.nextStep', { nextStep: d.nextStep }),
        ...(d.location ? [d.location.text] : []),
        ...(d.dispatch ? [d.dispatch.text] : []),
        ...(findings.length > 0 ? [say('mcp.diagnoseLine.findings'), ...findings] : []),
        ...(notChecked.length > 0 ? [say('mcp.diagnoseLine.notChecked'), ...notChecked] : []),
        say('mcp.verifyCaller.scripts'),
        ...d.scripts.map((s) => say('mcp.verifyCaller.script', { title: s.title, text: s.text })),
      ].join('\n'),
      d,
    );
  },
});

/** What the timeline says of the modem's own log, when it holds none of it. */
const MODEM_LOG_NOTE: Readonly<Record<'absent' | 'notRead', MessageKey>> = {
  absent: 'mcp.timeline.modemLogAbsent',
  notRead: 'mcp.timeline.modemLogNotRead',
};

const getLineTimeline = defineTool({
  name: 'get_line_timeline',
  title: 'mcp.timeline.title',
  description: 'mcp.timeline.description',
  input: (say: Say) => ({
    modem_id: modemId(say),
    line_token: lineToken(say),
    days: z.number().int().min(1).max(31).optional().describe(say('mcp.timeline.arg.days')),
  }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, { say, checks }) {
    const days = args.days ?? 7;
    const t = withTimelineTexts(timelineJson(await checks.timeline(args.modem_id, days)), say);
    const events = t.events.map((e) =>
      say('mcp.timeline.event', { at: new Date(e.at), kind: e.kind, source: e.source, evidence: e.text }),
    );
    const untimed = t.untimed.map((e) =>
      say('mcp.timeline.untimedEvent', { kind: e.kind, evidence: e.text }),
    );
    return answer(
      [
        ...(events.length > 0
          ? [
              say('mcp.timeline.events', {
                count: events.length,
                modemId: args.modem_id,
                since: new Date(t.since),
              }),
              ...events,
            ]
          : [say('mcp.timeline.nothing', { modemId: args.modem_id, days })]),
        ...(untimed.length > 0 ? [say('mcp.timeline.untimed'), ...untimed] : []),
        ...(t.modemLog.state === 'read' ? [] : [say(MODEM_LOG_NOTE[t.modemLog.state])]),
      ].join('\n'),
      { modemId: args.modem_id, ...t },
    );
  },
});

const getNodeStatus = defineTool({
  name: 'get_node_status',
  title: 'mcp.node.title',
  description: 'mcp.node.description',
  input: (say: Say) => ({ modem_id: modemId(say), line_token: lineToken(say) }),
  annotations: { readOnlyHint: true, openWorldHint: false },
  forLine: true,
  async run(args, { say, inventory, nodes }) {
    const m = (await inventory.record(args.modem_id)).membership;
    if (!m) {
      return answer(say('mcp.node.unknown', { modemId: args.modem_id }), null);
    }
    // Only the node's aggregate: which other homes are affected is not for the caller.
    const { worst: _worst, ...node } = await nodes.node(m.cmtsId, groupKey(m));
    const faults = node.sharedFaults.map((f) =>
      say('mcp.node.fault', { subKind: f.subKind, modems: f.modems }),
    );
    const where = { cmtsId: node.cmtsId, serviceGroupId: node.serviceGroupId, state: node.state };
    return answer(
      [
        node.groupedBy === 'upstreamChannels'
          ? say('mcp.node.stateByUpstream', where)
          : say('mcp.node.state', where),
        say('mcp.node.offline', { offline: node.offline, modems: node.modems }),
        ...(faults.length > 0 ? [say('mcp.node.faults', { faults: say.list(faults) })] : []),
        say(NODE_STATE_ADVICE[node.state]),
      ].join(' '),
      node,
    );
  },
});

const rebootModem = defineTool({
  name: 'reboot_modem',
  title: 'mcp.reboot.title',
  description: 'mcp.reboot.description',
  input: (say: Say) => ({
    modem_id: modemId(say),
    line_token: lineToken(say),
    reason: z.string().min(3).max(500).describe(say('mcp.reboot.arg.reason')),
    confirm: z.literal(true).describe(say('mcp.reboot.arg.confirm')),
  }),
  annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: false },
  // As POST /modems/{id}/reboot: operator keys any modem; reboot keys (agent+reboot) a line they verified.
  roles: REBOOT_ROLES,
  forLine: true,
  async run(args, { say, ...ctx }) {
    const action = await ctx.reboots.start(args.modem_id, args.reason, ctx.caller, 'mcp');
    return answer(say('mcp.reboot.started', { modemId: args.modem_id, actionId: action.id }), action);
  },
});

/** Every tool, in registration order; reboot_modem is enabled only for keys with operator or reboot. */
export const LINE_TOOLS: readonly LineTool[] = [
  verifyCaller,
  diagnoseLine,
  getLineTimeline,
  getNodeStatus,
  rebootModem,
];
