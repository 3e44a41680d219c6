import type { CmtsUpstream, CmtsUpstreamChannel } from '../domain/cmts-reading';
import type { PreEqSummary } from '../domain/diagnosis';
import type { PreEqThresholds } from '../domain/thresholds';
import { decodeEqualizerData } from '../mib/equalizer-data';
import { analysePreEq } from './pre-eq/analyse-pre-eq';
import { preEqSummary, type ChannelAnalysis } from './rules/us-pre-eq.rule';

// A modem's upstream pre-equalisation as its CMTS reports it (docsIf3CmtsCmUsStatusEqData, the same
// DocsEqualizerData as the modem's own docsIf3CmStatusUsEqData), summarised the way the modem's own diagnosis
// summarises its coefficients, so that neighbours never polled one by one can be compared (docs/pre-equalisation.md,
// "From the CMTS"). Only for a CMTS whose record says the column holds coefficients, not ranging adjustments.

/**
 * The worst upstream (lowest main tap ratio) of a modem's CMTS-side coefficients, each analysed at its channel's
 * width as the CMTS gives it (docsIfUpChannelWidth on its upstream ifIndex; unknown: delays in taps, no distance),
 * named by the CMTS's upstream ifIndex and the channel id the modems report. Null when no value decodes.
 */
export function cmtsPreEqSummary(
  upstream: readonly CmtsUpstream[],
  channels: ReadonlyMap<number, CmtsUpstreamChannel>,
  t: PreEqThresholds,
): PreEqSummary | null {
  const analysed: ChannelAnalysis[] = [];
  for (const us of upstream) {
    if (us.eqData == null || us.eqData === '') {
      continue;
    }
    const decoded = decodeEqualizerData(Buffer.from(us.eqData, 'hex'));
    if (!decoded.ok) {
      continue;
    }
    const channel = channels.get(us.ifIndex);
    const outcome = analysePreEq(decoded.data, channel?.widthHz ?? null, t);
    if (outcome.ok) {
      analysed.push({
        channel: { ifIndex: us.ifIndex, channelId: channel?.channelId ?? null },
        analysis: outcome.analysis,
      });
    }
  }
  return preEqSummary(analysed);
}
