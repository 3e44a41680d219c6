// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { decimal, statusWords } from '../labels.js';
import { ChartFigure, H, M, PLOT_W, ValueGrid, W, yScale } from './frame.js';

/**
 * @typedef {'ok'|'marginal'|'fault'} BarStatus
 * @typedef {{ channel: string, label: string, value: number, status: BarStatus, detail?: string }} Bar
 * @typedef {{ from: number, to: number, tone: 'textbook'|'marginal', label: string }} Band
 * @typedef {{ value: number, label: string }} LimitLine
 * @typedef {object} ChartSpec
 * @property {string} id stable chart key, e.g. ds-snr (data-chart)
 * @property {string} title
 * @property {string} unit
 * @property {string} [note] how to read it, shown under the title
 * @property {Bar[]} bars
 * @property {Band[]} bands
 * @property {LimitLine[]} [lines]
 * @property {[number, number]} domain
 * @property {number} [baseline] bars grow from here (0 for levels that can be negative), else from the bottom
 * @property {(value: number) => string} [format]
 */

/** @type {Record<BarStatus, string>} */
const MARK = { ok: '', marginal: '!', fault: '✕' };

/**
 * One value per channel as bars against the bands of the thresholds in force. Bar colour comes from the
 * diagnosis (the caller sets `status`), and fault/marginal bars also carry a mark, so colour is never the only
 * cue. Screen readers get the SVG's title and description plus a visually hidden table of every value.
 * @param {{ spec: ChartSpec }} props
 */
export function BarChart({ spec }) {
  const { id, title, unit, bars, bands, lines = [], domain } = spec;
  const format = spec.format ?? ((/** @type {number} */ v) => decimal(v, 1));
  const [min] = domain;
  const y = yScale(domain);
  const base = y(spec.baseline ?? min);
  const slot = PLOT_W / Math.max(bars.length, 1);
  const barW = Math.max(4, Math.min(28, slot * 0.6));
  const labelEvery = Math.ceil(bars.length / 24);
  const outOfBand = bars.filter((b) => b.status !== 'ok');
  const bandText = bands
    .filter((b) => b.tone === 'textbook')
    .map((b) =>
      t('dashboard.charts.bar.band', { label: b.label, from: format(b.from), to: format(b.to), unit }),
    )
    .join('; ');
  // Three sentences: how many channels, the textbook band, and what the diagnosis flags.
  const description = [
    t('dashboard.charts.bar.channels', { n: bars.length }),
    t('dashboard.charts.bar.bands', { bands: bandText }),
    outOfBand.length === 0
      ? t('dashboard.charts.bar.allInBand')
      : t('dashboard.charts.bar.flagged', {
          bars: outOfBand
            .map((b) =>
              t('dashboard.charts.bar.flaggedBar', {
                channel: b.label,
                value: format(b.value),
                unit,
                status: b.status,
              }),
            )
            .join(', '),
        }),
  ].join(' ');
  return html`<${ChartFigure}
    id=${id}
    title=${title}
    note=${spec.note}
    description=${description}
    columns=${[t('dashboard.charts.col.channel'), unit, t('dashboard.charts.col.status')]}
    rows=${bars.map(
      (b) =>
        html`<tr>
          <th scope="row">${b.label}${b.detail ? ` (${b.detail})` : ''}</th>
          <td>${format(b.value)}</td>
          <td>${statusWords(b.status)}</td>
        </tr>`,
    )}
    svg=${html`
      ${bands.map(
        (b) =>
          html`<rect
            class=${`band band-${b.tone}`}
            x=${M.left}
            width=${PLOT_W}
            y=${y(b.to)}
            height=${Math.max(0, y(b.from) - y(b.to))}
          />`,
      )}
      <${ValueGrid} domain=${domain} y=${y} format=${format} />
      <text class="axis-unit" x=${8} y=${M.top - 6}>${unit}</text>
      ${lines.map(
        (l) =>
          html`<g class="limit">
            <line x1=${M.left} x2=${W - M.right} y1=${y(l.value)} y2=${y(l.value)} />
            <text x=${W - M.right - 2} y=${y(l.value) - 3} text-anchor="end">${l.label}</text>
          </g>`,
      )}
      ${bars.map((b, i) => {
        const x = M.left + slot * i + (slot - barW) / 2;
        const top = Math.min(base, y(b.value));
        const height = Math.max(1, Math.abs(base - y(b.value)));
        return html`<g class=${`bar bar-${b.status}`}>
          <rect
            data-testid="channel-bar"
            data-chart=${id}
            data-channel=${b.channel}
            data-status=${b.status}
            data-value=${b.value}
            x=${x}
            y=${top}
            width=${barW}
            height=${height}
          >
            <title>
              ${t('dashboard.charts.bar.barTitle', {
                channel: b.label,
                value: format(b.value),
                unit,
                status: statusWords(b.status),
              })}
            </title>
          </rect>
          ${
            MARK[b.status] &&
            html`<text class="bar-mark" x=${x + barW / 2} y=${top - 4} text-anchor="middle">
              ${MARK[b.status]}
            </text>`
          }
          ${
            i % labelEvery === 0 &&
            html`<text class="bar-label" x=${x + barW / 2} y=${H - M.bottom + 14} text-anchor="middle">
              ${b.label.replace(/^\D+/, '')}
            </text>`
          }
        </g>`;
      })}
      <line class="axis" x1=${M.left} x2=${W - M.right} y1=${base} y2=${base} />
      <text class="axis-title" x=${M.left + PLOT_W / 2} y=${H - 4} text-anchor="middle">
        ${t('dashboard.charts.bar.axis')}
      </text>
    `}
  />`;
}
