// @ts-check
// Chart specs for one modem's latest reading: the values come from the reading, the bands from the thresholds
// profile in force, and each bar's colour from the diagnosis' findings, so the chart and the verdict never
// disagree (the diagnosis alone knows the grading window, modulation and channel count rules).

/** @typedef {import('../api-types.js').ReachableReading} ReachableReading */
/** @typedef {import('../api-types.js').Thresholds} Thresholds */
/** @typedef {import('../api-types.js').Finding} Finding */
/** @typedef {import('./BarChart.js').ChartSpec} ChartSpec */
/** @typedef {import('./BarChart.js').BarStatus} BarStatus */

import { mhz } from '../labels.js';

/**
 * The worst severity the findings with these codes give each channel. Channels are matched on direction, kind,
 * ifIndex and channel id: CMTS-side findings carry the CMTS's ifIndex and channel id 0, so they never land on
 * the modem's own channels by accident.
 * @param {Finding[]} findings
 * @param {string[]} codes
 * @returns {(ref: { direction: string, kind: string, ifIndex: number, channelId: number|null }) => BarStatus}
 */
export function statusFromFindings(findings, codes) {
  /** @type {Map<string, BarStatus>} */
  const worst = new Map();
  for (const f of findings) {
    if (!f.channel || !codes.includes(f.code) || f.severity === 'INFO') {
      continue;
    }
    const key = channelKey(f.channel);
    if (f.severity === 'FAULT' || !worst.has(key)) {
      worst.set(key, f.severity === 'FAULT' ? 'fault' : 'marginal');
    }
  }
  return (ref) => worst.get(channelKey(ref)) ?? 'ok';
}

function channelKey(
  /** @type {{ direction: string, kind: string, ifIndex: number, channelId: number|null }} */ c,
) {
  return `${c.direction}/${c.kind}/${c.ifIndex}/${c.channelId}`;
}

/** A domain that holds the bands and every value, with some air. */
function domainOf(
  /** @type {number[]} */ values,
  /** @type {number} */ low,
  /** @type {number} */ high,
  pad = 2,
) {
  const finite = values.filter(Number.isFinite);
  return /** @type {[number, number]} */ ([
    Math.floor(Math.min(low, ...finite.map((v) => v - pad))),
    Math.ceil(Math.max(high, ...finite.map((v) => v + pad))),
  ]);
}

/** @param {ReachableReading} r @param {Thresholds} t @param {Finding[]} findings @returns {ChartSpec} */
export function dsPowerChart(r, t, findings) {
  const status = statusFromFindings(findings, ['LOW_DS_POWER', 'HIGH_DS_POWER', 'PARTIAL_SERVICE_DS']);
  const b = t.dsPower;
  const channels = [...r.downstream].sort((a, c) => a.frequencyHz - c.frequencyHz);
  return {
    id: 'ds-power',
    title: 'Downstream receive level per channel',
    unit: 'dBmV',
    note: `Textbook ${b.textbookMin} to ${b.textbookMax} dBmV; marginal out to ${b.marginalMin} / ${b.marginalMax} dBmV.`,
    bars: channels.map((ch) => ({
      channel: `ds-${ch.channelId}`,
      label: `DS ${ch.channelId}`,
      value: ch.powerDbmv,
      status: status({ direction: 'downstream', kind: 'SC-QAM', ...ch }),
      detail: `${mhz(ch.frequencyHz)}, ${ch.modulation}${ch.locked ? '' : ', not locked'}`,
    })),
    bands: [
      { from: b.marginalMin, to: b.textbookMin, tone: 'marginal', label: 'Marginal' },
      { from: b.textbookMin, to: b.textbookMax, tone: 'textbook', label: 'Textbook' },
      { from: b.textbookMax, to: b.marginalMax, tone: 'marginal', label: 'Marginal' },
    ],
    domain: domainOf(
      channels.map((c) => c.powerDbmv),
      b.marginalMin - 5,
      b.marginalMax + 5,
    ),
    baseline: 0,
  };
}

/** @param {ReachableReading} r @param {Thresholds} t @param {Finding[]} findings @returns {ChartSpec} */
export function dsSnrChart(r, t, findings) {
  const status = statusFromFindings(findings, ['LOW_DS_SNR']);
  const channels = r.downstream.filter((c) => c.locked).sort((a, c) => a.frequencyHz - c.frequencyHz);
  // Unknown modulations are graded as 256-QAM; the bands follow what most channels carry.
  const qam64 = channels.length > 0 && channels.every((c) => c.modulation === 'qam64');
  const b = qam64 ? t.dsSnr.qam64 : t.dsSnr.qam256;
  const domain = domainOf(
    channels.map((c) => c.snrDb),
    b.fault - 8,
    b.textbook + 10,
  );
  return {
    id: 'ds-snr',
    title: 'Downstream SNR per channel',
    unit: 'dB',
    note: `${qam64 ? '64' : '256'}-QAM: textbook from ${b.textbook} dB, fault below ${b.fault} dB.`,
    bars: channels.map((ch) => ({
      channel: `ds-${ch.channelId}`,
      label: `DS ${ch.channelId}`,
      value: ch.snrDb,
      status: status({ direction: 'downstream', kind: 'SC-QAM', ...ch }),
      detail: `${mhz(ch.frequencyHz)}, ${ch.modulation}`,
    })),
    bands: [
      { from: b.fault, to: b.textbook, tone: 'marginal', label: 'Marginal' },
      { from: b.textbook, to: domain[1], tone: 'textbook', label: 'Textbook' },
    ],
    lines: [{ value: b.fault, label: `fault below ${b.fault} dB` }],
    domain,
  };
}

/** @param {ReachableReading} r @param {Thresholds} t @param {Finding[]} findings @returns {ChartSpec} */
export function usTxChart(r, t, findings) {
  const status = statusFromFindings(findings, ['HIGH_US_POWER', 'LOW_US_POWER', 'PARTIAL_SERVICE_US']);
  const u = t.usTxPower;
  const channels = [...r.upstream].sort((a, c) => a.frequencyHz - c.frequencyHz);
  const docsis31 = r.docsisVersion === '3.1';
  // DOCSIS 3.0: the more channels share the modem's power budget, the lower each one's ceiling.
  const pmax = u.docsis30Pmax[String(Math.min(Math.max(channels.length, 1), 5))];
  const top = docsis31 ? u.docsis31FaultAbove : pmax;
  const textbookMax = docsis31 ? u.docsis31TextbookMax : pmax - u.docsis30MarginDb;
  return {
    id: 'us-tx',
    title: 'Upstream transmit level per channel',
    unit: 'dBmV',
    note: docsis31
      ? `DOCSIS 3.1: textbook ${u.lowMarginal} to ${textbookMax} dBmV, fault above ${top} dBmV.`
      : `DOCSIS 3.0 with ${channels.length} upstream channel${channels.length === 1 ? '' : 's'}: ` +
        `the ceiling is ${pmax} dBmV; textbook ${u.lowMarginal} to ${textbookMax} dBmV.`,
    bars: channels.map((ch) => ({
      channel: `us-${ch.channelId ?? `if${ch.ifIndex}`}`,
      label: ch.channelId == null ? `US (ifIndex ${ch.ifIndex})` : `US ${ch.channelId}`,
      value: ch.txPowerDbmv,
      status: status({ direction: 'upstream', kind: 'SC-QAM', ...ch }),
      detail: `${mhz(ch.frequencyHz)}${ch.muted ? ', muted' : ''}`,
    })),
    bands: [
      { from: u.lowFault, to: u.lowMarginal, tone: 'marginal', label: 'Low, marginal' },
      { from: u.lowMarginal, to: textbookMax, tone: 'textbook', label: 'Textbook' },
      { from: textbookMax, to: top, tone: 'marginal', label: 'Marginal' },
    ],
    lines: [{ value: top, label: docsis31 ? `fault above ${top} dBmV` : `ceiling ${pmax} dBmV` }],
    domain: domainOf(
      channels.map((c) => c.txPowerDbmv),
      u.lowMarginal - 10,
      top + 4,
    ),
  };
}

/** part / total in percent; Counter64 values arrive as decimal strings. */
function percentOf(/** @type {string} */ part, /** @type {bigint} */ total) {
  return total > 0n ? (Number(BigInt(part)) / Number(total)) * 100 : 0;
}

/** Small percentages keep two significant digits. */
function formatPercent(/** @type {number} */ v) {
  if (v === 0) {
    return '0';
  }
  return v < 0.1 ? v.toPrecision(2) : String(Math.round(v * 100) / 100);
}

/**
 * Uncorrectable and corrected codeword ratios per locked SC-QAM downstream channel, since the counters started.
 * @param {ReachableReading} r @param {Thresholds} t @param {Finding[]} findings
 * @returns {ChartSpec[]}
 */
export function codewordCharts(r, t, findings) {
  const c = t.codewords;
  // Counters not read, and 32-bit ones (they wrap, so their ratios since boot mean nothing), get no bar.
  const channels = r.downstream
    .filter((ch) => ch.locked && ch.counterBits !== 32)
    .sort((a, b) => a.frequencyHz - b.frequencyHz)
    .flatMap((ch) => {
      const { unerrored, corrected, uncorrectable } = ch;
      if (unerrored == null || corrected == null || uncorrectable == null) {
        return [];
      }
      const total = BigInt(unerrored) + BigInt(corrected) + BigInt(uncorrectable);
      return [{ ch, uncorrectable: percentOf(uncorrectable, total), corrected: percentOf(corrected, total) }];
    });
  const note =
    `Ratios since the modem’s counters started. Colours follow the diagnosis, which grades the change over the ` +
    `last ${c.windowMinutes} min when it has an earlier reading.`;
  /** @param {'uncorrectable'|'corrected'} which @param {string} code */
  const bars = (which, code) => {
    const status = statusFromFindings(findings, [code]);
    return channels.map((x) => ({
      channel: `ds-${x.ch.channelId}`,
      label: `DS ${x.ch.channelId}`,
      value: x[which],
      status: status({ direction: 'downstream', kind: 'SC-QAM', ...x.ch }),
      detail: mhz(x.ch.frequencyHz),
    }));
  };
  const um = c.uncorrectableMarginal * 100;
  const uf = c.uncorrectableFault * 100;
  const cm = c.correctedMarginal * 100;
  const top = (/** @type {number[]} */ values, /** @type {number} */ limit) =>
    /** @type {[number, number]} */ ([0, Math.max(limit * 2, ...values.map((v) => v * 1.15))]);
  return [
    {
      id: 'cw-uncorrectable',
      title: 'Uncorrectable codewords per channel',
      unit: '%',
      note,
      bars: bars('uncorrectable', 'EXCESSIVE_UNCORRECTABLES'),
      bands: [
        { from: 0, to: um, tone: 'textbook', label: 'Textbook' },
        { from: um, to: uf, tone: 'marginal', label: 'Marginal' },
      ],
      lines: [{ value: uf, label: `fault above ${formatPercent(uf)}%` }],
      domain: top(
        channels.map((x) => x.uncorrectable),
        uf,
      ),
      format: formatPercent,
    },
    {
      id: 'cw-corrected',
      title: 'Corrected codewords per channel',
      unit: '%',
      bars: bars('corrected', 'HIGH_CORRECTED'),
      bands: [{ from: 0, to: cm, tone: 'textbook', label: 'Textbook' }],
      lines: [{ value: cm, label: `marginal from ${formatPercent(cm)}%` }],
      domain: top(
        channels.map((x) => x.corrected),
        cm,
      ),
      format: formatPercent,
    },
  ];
}
