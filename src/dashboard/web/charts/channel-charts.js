// @ts-check
// Chart specs for one modem's latest reading: the values come from the reading, the bands from the thresholds
// profile in force, and each bar's colour from the diagnosis' findings, so the chart and the verdict never
// disagree (the diagnosis alone knows the grading window, modulation and channel count rules).

/** @typedef {import('../api-types.js').ReachableReading} ReachableReading */
/** @typedef {import('../api-types.js').Thresholds} Thresholds */
/** @typedef {import('../api-types.js').Finding} Finding */
/** @typedef {import('./BarChart.js').ChartSpec} ChartSpec */
/** @typedef {import('./BarChart.js').BarStatus} BarStatus */

import { t } from '../i18n.js';
import { decimal, dsChannelName, mhz, significant, usChannelName } from '../labels.js';

/** A threshold as the notes write it: to a tenth at most, the language's decimal mark. */
const level = (/** @type {number} */ v) => decimal(v, 1);

/** The band labels the charts' descriptions use. */
const band = {
  textbook: () => t('dashboard.charts.band.textbook'),
  marginal: () => t('dashboard.charts.band.marginal'),
  lowMarginal: () => t('dashboard.charts.band.lowMarginal'),
};

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

/** @param {ReachableReading} r @param {Thresholds} th @param {Finding[]} findings @returns {ChartSpec} */
export function dsPowerChart(r, th, findings) {
  const status = statusFromFindings(findings, ['LOW_DS_POWER', 'HIGH_DS_POWER', 'PARTIAL_SERVICE_DS']);
  const b = th.dsPower;
  const channels = [...r.downstream].sort((a, c) => a.frequencyHz - c.frequencyHz);
  return {
    id: 'ds-power',
    title: t('dashboard.charts.dsPower.title'),
    unit: 'dBmV',
    note: t('dashboard.charts.dsPower.note', {
      textbookMin: level(b.textbookMin),
      textbookMax: level(b.textbookMax),
      marginalMin: level(b.marginalMin),
      marginalMax: level(b.marginalMax),
    }),
    bars: channels.map((ch) => ({
      channel: `ds-${ch.channelId}`,
      label: dsChannelName(ch.channelId),
      value: ch.powerDbmv,
      status: status({ direction: 'downstream', kind: 'SC-QAM', ...ch }),
      detail: t('dashboard.charts.detail.ds', {
        frequency: mhz(ch.frequencyHz),
        modulation: ch.modulation,
        locked: ch.locked ? 'yes' : 'no',
      }),
    })),
    bands: [
      { from: b.marginalMin, to: b.textbookMin, tone: 'marginal', label: band.marginal() },
      { from: b.textbookMin, to: b.textbookMax, tone: 'textbook', label: band.textbook() },
      { from: b.textbookMax, to: b.marginalMax, tone: 'marginal', label: band.marginal() },
    ],
    domain: domainOf(
      channels.map((c) => c.powerDbmv),
      b.marginalMin - 5,
      b.marginalMax + 5,
    ),
    baseline: 0,
  };
}

/** @param {ReachableReading} r @param {Thresholds} th @param {Finding[]} findings @returns {ChartSpec} */
export function dsSnrChart(r, th, findings) {
  const status = statusFromFindings(findings, ['LOW_DS_SNR']);
  const channels = r.downstream.filter((c) => c.locked).sort((a, c) => a.frequencyHz - c.frequencyHz);
  // Unknown modulations are graded as 256-QAM; the bands follow what most channels carry.
  const qam64 = channels.length > 0 && channels.every((c) => c.modulation === 'qam64');
  const b = qam64 ? th.dsSnr.qam64 : th.dsSnr.qam256;
  const domain = domainOf(
    channels.map((c) => c.snrDb),
    b.fault - 8,
    b.textbook + 10,
  );
  return {
    id: 'ds-snr',
    title: t('dashboard.charts.dsSnr.title'),
    unit: 'dB',
    note: t('dashboard.charts.dsSnr.note', {
      qam: qam64 ? '64' : '256',
      textbook: level(b.textbook),
      fault: level(b.fault),
    }),
    bars: channels.map((ch) => ({
      channel: `ds-${ch.channelId}`,
      label: dsChannelName(ch.channelId),
      value: ch.snrDb,
      status: status({ direction: 'downstream', kind: 'SC-QAM', ...ch }),
      detail: t('dashboard.charts.detail.ds', {
        frequency: mhz(ch.frequencyHz),
        modulation: ch.modulation,
        locked: 'yes',
      }),
    })),
    bands: [
      { from: b.fault, to: b.textbook, tone: 'marginal', label: band.marginal() },
      { from: b.textbook, to: domain[1], tone: 'textbook', label: band.textbook() },
    ],
    lines: [
      { value: b.fault, label: t('dashboard.charts.line.faultBelow', { value: level(b.fault), unit: 'dB' }) },
    ],
    domain,
  };
}

/** @param {ReachableReading} r @param {Thresholds} th @param {Finding[]} findings @returns {ChartSpec} */
export function usTxChart(r, th, findings) {
  const status = statusFromFindings(findings, ['HIGH_US_POWER', 'LOW_US_POWER', 'PARTIAL_SERVICE_US']);
  const u = th.usTxPower;
  const channels = [...r.upstream].sort((a, c) => a.frequencyHz - c.frequencyHz);
  const docsis31 = r.docsisVersion === '3.1';
  // DOCSIS 3.0: the more channels share the modem's power budget, the lower each one's ceiling.
  const pmax = u.docsis30Pmax[String(Math.min(Math.max(channels.length, 1), 5))];
  const top = docsis31 ? u.docsis31FaultAbove : pmax;
  const textbookMax = docsis31 ? u.docsis31TextbookMax : pmax - u.docsis30MarginDb;
  return {
    id: 'us-tx',
    title: t('dashboard.charts.usTx.title'),
    unit: 'dBmV',
    note: docsis31
      ? t('dashboard.charts.usTx.note31', {
          low: level(u.lowMarginal),
          textbookMax: level(textbookMax),
          top: level(top),
        })
      : t('dashboard.charts.usTx.note30', {
          n: channels.length,
          ceiling: level(pmax),
          low: level(u.lowMarginal),
          textbookMax: level(textbookMax),
        }),
    bars: channels.map((ch) => ({
      channel: `us-${ch.channelId ?? `if${ch.ifIndex}`}`,
      label: usChannelName(ch),
      value: ch.txPowerDbmv,
      status: status({ direction: 'upstream', kind: 'SC-QAM', ...ch }),
      detail: t('dashboard.charts.detail.us', {
        frequency: mhz(ch.frequencyHz),
        muted: ch.muted ? 'yes' : 'no',
      }),
    })),
    bands: [
      { from: u.lowFault, to: u.lowMarginal, tone: 'marginal', label: band.lowMarginal() },
      { from: u.lowMarginal, to: textbookMax, tone: 'textbook', label: band.textbook() },
      { from: textbookMax, to: top, tone: 'marginal', label: band.marginal() },
    ],
    lines: [
      {
        value: top,
        label: docsis31
          ? t('dashboard.charts.line.faultAbove', { value: level(top), unit: 'dBmV' })
          : t('dashboard.charts.line.ceiling', { value: level(pmax), unit: 'dBmV' }),
      },
    ],
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

/** Small percentages keep two significant digits, in the language's way: "0.0012", "0,0012". */
function formatPercent(/** @type {number} */ v) {
  if (v === 0) {
    return '0';
  }
  return v < 0.1 ? significant(v, 2) : decimal(v, 2);
}

/**
 * Uncorrectable and corrected codeword ratios per locked SC-QAM downstream channel, since the counters started.
 * @param {ReachableReading} r @param {Thresholds} th @param {Finding[]} findings
 * @returns {ChartSpec[]}
 */
export function codewordCharts(r, th, findings) {
  const c = th.codewords;
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
  const note = t('dashboard.charts.codewords.note', { minutes: c.windowMinutes });
  /** @param {'uncorrectable'|'corrected'} which @param {string} code */
  const bars = (which, code) => {
    const status = statusFromFindings(findings, [code]);
    return channels.map((x) => ({
      channel: `ds-${x.ch.channelId}`,
      label: dsChannelName(x.ch.channelId),
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
      title: t('dashboard.charts.uncorrectable.title'),
      unit: '%',
      note,
      bars: bars('uncorrectable', 'EXCESSIVE_UNCORRECTABLES'),
      bands: [
        { from: 0, to: um, tone: 'textbook', label: band.textbook() },
        { from: um, to: uf, tone: 'marginal', label: band.marginal() },
      ],
      lines: [
        { value: uf, label: t('dashboard.charts.line.faultAbove', { value: formatPercent(uf), unit: '%' }) },
      ],
      domain: top(
        channels.map((x) => x.uncorrectable),
        uf,
      ),
      format: formatPercent,
    },
    {
      id: 'cw-corrected',
      title: t('dashboard.charts.corrected.title'),
      unit: '%',
      bars: bars('corrected', 'HIGH_CORRECTED'),
      bands: [{ from: 0, to: cm, tone: 'textbook', label: band.textbook() }],
      lines: [
        {
          value: cm,
          label: t('dashboard.charts.line.marginalFrom', { value: formatPercent(cm), unit: '%' }),
        },
      ],
      domain: top(
        channels.map((x) => x.corrected),
        cm,
      ),
      format: formatPercent,
    },
  ];
}
