// @ts-check
import { html } from 'htm/preact';
import { decimal } from '../labels.js';
// The frame every hand-drawn chart shares: the SVG's size, the plot's margins, and round tick values.

export const W = 640;
export const H = 230;
export const M = { left: 52, right: 12, top: 18, bottom: 34 };
export const PLOT_W = W - M.left - M.right;
export const PLOT_H = H - M.top - M.bottom;

/** Round tick values spanning the domain. */
export function ticks(/** @type {number} */ min, /** @type {number} */ max, wanted = 5) {
  const raw = (max - min) / wanted;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step / 1e6; v += step) {
    out.push(Math.round(v * 1e6) / 1e6);
  }
  return out;
}

/** A value's y in the plot, clamped to the domain. */
export function yScale(/** @type {[number, number]} */ [min, max]) {
  return (/** @type {number} */ v) =>
    M.top + PLOT_H - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * PLOT_H;
}

/**
 * The figure every chart is: its heading and note, the SVG (labelled by the heading and described for screen
 * readers), and a visually hidden table of every value it draws.
 * @param {{ id: string, title: string, heading?: 'h3'|'h4', note?: import('preact').ComponentChildren,
 *   noteTestId?: string, description: string, svg: import('preact').ComponentChildren, columns: string[],
 *   rows: import('preact').ComponentChildren }} props
 */
export function ChartFigure({
  id,
  title,
  heading = 'h3',
  note,
  noteTestId,
  description,
  svg,
  columns,
  rows,
}) {
  const Heading = heading;
  return html`
    <figure class="chart" data-testid="chart" data-chart=${id}>
      <figcaption>
        <${Heading} id=${`${id}-title`}>${title}<//>
        ${note && html`<p class="chart-note" data-testid=${noteTestId}>${note}</p>`}
      </figcaption>
      <svg
        viewBox=${`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby=${`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id=${`${id}-desc`}>${description}</desc>
        ${svg}
      </svg>
      <table class="visually-hidden">
        <caption>
          ${title}
        </caption>
        <thead>
          <tr>
            ${columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </figure>
  `;
}

/** The value axis: a grid line and its label at each round tick of the domain (in the page's number format). */
export function ValueGrid(
  /** @type {{ domain: [number, number], y: (v: number) => number, format?: (v: number) => string }} */ {
    domain,
    y,
    format = (v) => decimal(v, 2),
  },
) {
  return ticks(domain[0], domain[1]).map(
    (t) =>
      html`<g class="tick">
        <line x1=${M.left} x2=${W - M.right} y1=${y(t)} y2=${y(t)} />
        <text x=${M.left - 6} y=${y(t) + 4} text-anchor="end">${format(t)}</text>
      </g>`,
  );
}
