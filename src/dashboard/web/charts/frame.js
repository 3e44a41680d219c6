// @ts-check
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
