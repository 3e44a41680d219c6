// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { decibels, metresAndFeet, mhz, offsetMhz, percent } from '../labels.js';
import { ChartFigure, H, M, PLOT_W, ticks, ValueGrid, W, yScale } from './frame.js';

/** @typedef {import('../api-types.js').PreEqAnalysis} PreEqAnalysis */

/** The amplitude axis spans at least ±2 dB, so a flat response looks flat. */
const MIN_SPAN_DB = 2;

/**
 * The in-channel frequency response the taps make: amplitude (dB, 0 = an unimpaired channel) across the band, from
 * its lower edge to its upper edge around the channel's centre. An echo makes it ripple: the depth gives the echo's
 * level and the period its distance. Screen readers get the SVG's description and a hidden table of every point.
 * @param {{ id: string, title: string, analysis: PreEqAnalysis }} props
 */
export function ResponseChart({ id, title, analysis }) {
  const { points, ripple } = analysis.frequencyResponse;
  // Without the channel width there are no hertz: the band is then told in fractions of it.
  const inHz = points.every((p) => p.offsetHz != null);
  const xOf = (/** @type {import('../api-types.js').ResponsePoint} */ p) =>
    inHz ? /** @type {number} */ (p.offsetHz) : p.bandFraction;
  const xs = points.map(xOf);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const x = (/** @type {number} */ v) => M.left + ((v - x0) / (x1 - x0 || 1)) * PLOT_W;
  const levels = points.map((p) => p.amplitudeDb);
  /** @type {[number, number]} */
  const domain = [
    Math.min(-MIN_SPAN_DB, Math.floor(Math.min(...levels) - 0.5)),
    Math.max(MIN_SPAN_DB, Math.ceil(Math.max(...levels) + 0.5)),
  ];
  const y = yScale(domain);
  const xLabel = (/** @type {number} */ v) =>
    inHz ? offsetMhz(v) : t('dashboard.preEq.response.bandPosition', { share: percent(v) });
  const xTicks = inHz ? ticks(x0 / 1e6, x1 / 1e6, 6).map((v) => v * 1e6) : ticks(x0, x1, 4);
  const path = points.map(
    (p, i) => `${i === 0 ? 'M' : 'L'}${x(xOf(p)).toFixed(1)},${y(p.amplitudeDb).toFixed(1)}`,
  );
  const rippleText =
    ripple.cycles == null
      ? t('dashboard.preEq.response.flat')
      : t('dashboard.preEq.response.ripple', {
          depth: decibels(ripple.depthDb),
          hasPeriod: ripple.periodHz == null ? 'no' : 'yes',
          period: ripple.periodHz == null ? '' : mhz(ripple.periodHz),
          hasDistance: ripple.distanceM == null ? 'no' : 'yes',
          distance: ripple.distanceM == null ? '' : metresAndFeet(ripple.distanceM),
        });
  const description = [
    t('dashboard.preEq.response.description', {
      min: decibels(Math.min(...levels)),
      max: decibels(Math.max(...levels)),
      from: xLabel(x0),
      to: xLabel(x1),
    }),
    rippleText,
  ].join(' ');
  return html`<${ChartFigure}
    id=${id}
    title=${title}
    heading="h4"
    note=${rippleText}
    noteTestId="ripple"
    description=${description}
    columns=${[
      inHz ? t('dashboard.preEq.response.col.offset') : t('dashboard.preEq.response.col.position'),
      t('dashboard.preEq.response.col.amplitude'),
    ]}
    rows=${points.map(
      (p) =>
        html`<tr>
          <th scope="row">${xLabel(xOf(p))}</th>
          <td>${decibels(p.amplitudeDb)}</td>
        </tr>`,
    )}
    svg=${html`
      <${ValueGrid} domain=${domain} y=${y} />
      ${xTicks.map(
        (v) =>
          html`<text class="bar-label" x=${x(v)} y=${H - M.bottom + 14} text-anchor="middle">
            ${inHz ? offsetMhz(v).replace(' MHz', '') : xLabel(v)}
          </text>`,
      )}
      <text class="axis-unit" x=${8} y=${M.top - 6}>dB</text>
      <line class="axis" x1=${M.left} x2=${W - M.right} y1=${y(0)} y2=${y(0)} />
      <path class="response-line" data-testid="response-line" data-chart=${id} d=${path.join(' ')} />
      <text class="axis-title" x=${M.left + PLOT_W / 2} y=${H - 4} text-anchor="middle">
        ${inHz ? t('dashboard.preEq.response.axisHz') : t('dashboard.preEq.response.axisBand')}
      </text>
    `}
  />`;
}
