import type { ReachableReading } from '../domain/modem-reading';
import type { PreEqThresholds } from '../domain/thresholds';
import { analysedUpstream } from './rules/us-pre-eq.rule';
import { OFDM_SUMMARY_CHECKS, OFDMA_SUMMARY_CHECKS, pnmNotCheckedReason, summaryUnread } from './pnm-wording';
import { describeChannel, dsRef, ofdmaRef, ofdmRef, timeoutTotals, usRef } from './rule-helpers';
import { ungradedCodewordChannels } from './rules/codewords.rule';
import { cpeSeen } from './rules/no-cpe.rule';
import type { CmtsContext, NotChecked, RuleContext } from '../domain/diagnosis';

// What the rules could not grade because the modem did not answer the objects they need. The rules skip what was
// not read; this says so, naming the objects, so that a verdict never rests silently on a missing table.

const TIMEOUT_OBJECTS = {
  t3: 'T3 timeouts',
  t4: 'T4 timeouts',
  t3Exceeded: 'T3 retries exhausted (T3 exceeded)',
} as const;

function timeoutsNotChecked(reading: ReachableReading): NotChecked[] {
  const totals = timeoutTotals(reading);
  const missing = (Object.keys(TIMEOUT_OBJECTS) as (keyof typeof TIMEOUT_OBJECTS)[]).filter(
    (k) => totals[k] == null,
  );
  if (missing.length === 0) {
    return [];
  }
  const what = missing.map((k) => TIMEOUT_OBJECTS[k]).join(', ');
  let why: string;
  if (reading.upstream.length + reading.ofdma.length === 0) {
    why = 'the modem reported no upstream channel';
  } else if (missing.length === 1 && missing[0] === 't3Exceeded' && reading.docsisVersion !== '3.1') {
    why = 'the modem has no docsIf3CmStatusUsTable, and DOCS-IF-MIB has no such counter';
  } else {
    why =
      'the modem has no docsIf3CmStatusUsTable (and no docsIfCmStatus T3/T4 counters on its MAC interface)';
  }
  return [{ code: 'T3_T4_TIMEOUTS', reason: `Upstream ${what} not read: ${why}.` }];
}

function reinitsNotChecked(reading: ReachableReading, cmts: CmtsContext | undefined): NotChecked[] {
  if (reading.status.resets != null || cmts?.row?.lastRegAt != null) {
    return [];
  }
  return [
    {
      code: 'RF_REINIT',
      reason:
        'Cable re-initialisations not checked: the modem answers neither docsIf3CmStatusResets nor ' +
        'docsIfCmStatusResets, and no CMTS registration time is known (restarts are still checked from its uptime).',
    },
  ];
}

function codewordsNotChecked(ctx: RuleContext): NotChecked[] {
  const ungraded = ungradedCodewordChannels(ctx);
  const unread = ungraded.filter((ch) => ch.unerrored == null);
  const wrapping = ungraded.filter((ch) => ch.unerrored != null);
  const names = (channels: typeof ungraded): string =>
    channels.length === ctx.reading.downstream.length
      ? 'any downstream channel'
      : channels.map((ch) => describeChannel(dsRef(ch))).join(', ');
  const out: NotChecked[] = [];
  if (unread.length > 0) {
    out.push({
      code: 'CODEWORDS',
      reason: `Codeword error counters not read for ${names(unread)}: the modem answers neither docsIfSigQExt* nor docsIfSigQ* codeword counters.`,
    });
  }
  const ofdmUnread = ctx.reading.ofdm.filter((ch) => ch.profiles.length === 0);
  if (ofdmUnread.length > 0) {
    out.push({
      code: 'CODEWORDS',
      reason: `Codeword error counters not read for ${ofdmUnread.map((ch) => describeChannel(ofdmRef(ch))).join(', ')}: the modem answers no complete docsIf31CmDsOfdmProfileStats row.`,
    });
  }
  if (wrapping.length > 0) {
    out.push({
      code: 'CODEWORDS',
      reason:
        `Codeword error ratios not graded yet for ${names(wrapping)}: the modem has only 32-bit counters ` +
        '(docsIfSigQ*), which wrap within a day, so only their change between two polls is graded.',
    });
  }
  return out;
}

function cpeNotChecked(reading: ReachableReading, cmts: CmtsContext | undefined): NotChecked[] {
  if (cpeSeen(reading, cmts) || reading.cpeMacs != null) {
    return [];
  }
  const why =
    reading.bridgeTable === 'withoutStatus'
      ? "its bridge table has no status column (dot1dTpFdbStatus), so devices behind it cannot be told from the modem's own entries"
      : 'the modem does not expose its bridge table (dot1dTpFdbTable)';
  return [
    {
      code: 'CPE_PRESENCE',
      reason: `Whether a device is connected behind the modem could not be checked: none is listed, but ${why}.`,
    },
  ];
}

function registrationNotChecked(reading: ReachableReading): NotChecked[] {
  return reading.status.value != null
    ? []
    : [
        {
          code: 'REGISTRATION_STATE',
          reason:
            "The modem's registration state was not read (neither docsIf3CmStatusValue nor docsIfCmStatusValue " +
            'answered), so provisioning (access denied, forwarding disabled) could not be checked; the line was ' +
            'graded as the modem answered it.',
        },
      ];
}

/**
 * Pre-equalisation (echoes, group delay, where a fault is) for the upstream channels whose coefficients were not
 * read, were empty (the modem does not pre-equalise) or could not be decoded.
 */
function preEqNotChecked(reading: ReachableReading, t: PreEqThresholds): NotChecked[] {
  const channels = reading.upstream;
  const unread = channels.filter((ch) => ch.preEq == null);
  const empty = channels.filter((ch) => ch.preEq === '');
  const analysed = new Set(analysedUpstream(reading, t).map((a) => a.channel));
  const undecodable = channels.filter((ch) => ch.preEq != null && ch.preEq !== '' && !analysed.has(ch));
  const names = (list: typeof channels): string =>
    list.length === reading.upstream.length
      ? 'any upstream channel'
      : list.map((ch) => describeChannel(usRef(ch))).join(', ');
  const out: NotChecked[] = [];
  if (unread.length > 0) {
    out.push({
      code: 'PRE_EQUALISATION',
      reason: `Upstream echoes and group delay not checked for ${names(unread)}: the modem gives no docsIf3CmStatusUsEqData for it (DOCS-IF-MIB's docsIfCmStatusEqualizationData speaks only for a single upstream), so the fault cannot be located from them.`,
    });
  }
  if (empty.length > 0) {
    out.push({
      code: 'PRE_EQUALISATION',
      reason: `Upstream echoes and group delay not checked for ${names(empty)}: the modem reports no pre-equalisation coefficients (an empty value).`,
    });
  }
  if (undecodable.length > 0) {
    out.push({
      code: 'PRE_EQUALISATION',
      reason: `Upstream echoes and group delay not checked for ${names(undecodable)}: the coefficients the modem sent are not valid DocsEqualizerData.`,
    });
  }
  return out;
}

/**
 * The DOCSIS 3.1 PNM summaries a full poll reads, per OFDM and OFDMA channel, where a table gave no row for the
 * channel or its measurement was not sampleReady. A fast poll does not read them (the channels carry no `pnm`), and
 * says nothing about them.
 */
function pnmNotChecked(reading: ReachableReading): NotChecked[] {
  const out: NotChecked[] = [];
  for (const ch of reading.ofdm) {
    const pnm = ch.pnm;
    if (pnm == null) {
      continue;
    }
    const parts = [
      ...(pnm.rxMer.status === 'sampleReady'
        ? []
        : [summaryUnread('RxMER statistics', 'docsPnmCmDsOfdmRxMerTable', pnm.rxMer.status)]),
      ...(pnm.channelEstimate.status === 'sampleReady'
        ? []
        : [summaryUnread('channel estimate', 'docsPnmCmOfdmChanEstCoefTable', pnm.channelEstimate.status)]),
    ];
    if (parts.length > 0) {
      out.push({
        code: 'PNM_SUMMARIES',
        reason: pnmNotCheckedReason(ofdmRef(ch), parts, OFDM_SUMMARY_CHECKS),
      });
    }
  }
  for (const ch of reading.ofdma) {
    const status = ch.pnm?.preEq.status;
    if (ch.pnm != null && status !== 'sampleReady') {
      const parts = [summaryUnread('pre-equaliser', 'docsPnmCmUsPreEqTable', status ?? null)];
      out.push({
        code: 'PNM_SUMMARIES',
        reason: pnmNotCheckedReason(ofdmaRef(ch), parts, OFDMA_SUMMARY_CHECKS),
      });
    }
  }
  return out;
}

export function notCheckedFor(ctx: RuleContext): NotChecked[] {
  return [
    ...registrationNotChecked(ctx.reading),
    ...timeoutsNotChecked(ctx.reading),
    ...reinitsNotChecked(ctx.reading, ctx.cmts),
    ...codewordsNotChecked(ctx),
    ...cpeNotChecked(ctx.reading, ctx.cmts),
    ...preEqNotChecked(ctx.reading, ctx.thresholds.preEq),
    ...pnmNotChecked(ctx.reading),
  ];
}
