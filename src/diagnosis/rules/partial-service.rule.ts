import type { OfdmaChannel, UpstreamChannel } from '../../domain/modem-reading';
import { describeChannel, dsRef, ofdmaRef, usRef } from '../rule-helpers';
import type { ChannelRef, Finding, Rule } from '../../domain/diagnosis';

function upstreamProblem(ch: UpstreamChannel | OfdmaChannel): string | null {
  if (ch.muted) {
    return 'is muted';
  }
  if (ch.rangingStatus !== 'success') {
    return `failed ranging (status ${ch.rangingStatus})`;
  }
  return null;
}

/** Channels dropped from the bonding group (§2.6, §3.2): the modem runs on fewer channels than provisioned. */
export const partialServiceRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const ch of ctx.reading.downstream) {
    if (ch.locked) {
      continue;
    }
    const channel = dsRef(ch);
    findings.push({
      code: 'PARTIAL_SERVICE_DS',
      severity: 'FAULT',
      channel,
      observed: 0,
      limit: 1,
      unit: 'state',
      message: `${describeChannel(channel)} is not locked, so the modem is running on fewer downstream channels than it should.`,
    });
  }
  const upstream: [UpstreamChannel | OfdmaChannel, ChannelRef][] = [
    ...ctx.reading.upstream.map((ch): [UpstreamChannel, ChannelRef] => [ch, usRef(ch)]),
    ...ctx.reading.ofdma.map((ch): [OfdmaChannel, ChannelRef] => [ch, ofdmaRef(ch)]),
  ];
  for (const [ch, channel] of upstream) {
    const problem = upstreamProblem(ch);
    if (problem == null) {
      continue;
    }
    findings.push({
      code: 'PARTIAL_SERVICE_US',
      severity: 'FAULT',
      channel,
      observed: 0,
      limit: 1,
      unit: 'state',
      message: `${describeChannel(channel)} ${problem}, so the modem is running on fewer upstream channels than it should.`,
    });
  }
  return findings;
};
