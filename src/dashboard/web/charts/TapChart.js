// @ts-check
import { html } from 'htm/preact';
import { decibels, metresAndFeet, oneDecimal, PRE_EQ_GRADE_WORDS } from '../labels.js';
import { ChartFigure, H, M, PLOT_W, ValueGrid, W, yScale } from './frame.js';

/** @typedef {import('../api-types.js').PreEqAnalysis} PreEqAnalysis */

/** Zero taps read -100 dB: the axis stops well above that, and such bars are drawn at its foot. */
const FLOOR_DB = -60;
const LOWEST_FLOOR_DB = -80;

/** @type {Record<string, 'ok'|'marginal'|'fault'>} */
const GRADE_STATUS = { TEXTBOOK: 'ok', MARGINAL: 'marginal', FAULT: 'fault' };

/**
 * The forward taps' magnitudes relative to the main tap, one bar per tap, the echo floor as a line. The main tap and
 * the echo tap are marked in words (the echo with its distance from the modem), never by colour alone; the echo
 * bar is coloured by the main tap ratio's grade. Screen readers get the SVG's description and a hidden table.
 * @param {{ id: string, title: string, analysis: PreEqAnalysis }} props
 */
export function TapChart({ id, title, analysis }) {
  const { taps, mainTap, echo, echoFloorDbc } = analysis;
  const lowest = Math.min(...taps.map((t) => t.magnitudeDbc).filter((v) => v > -100));
  const min = Math.max(LOWEST_FLOOR_DB, Math.min(FLOOR_DB, Math.floor((lowest - 5) / 10) * 10));
  /** @type {[number, number]} */
  const domain = [min, 5];
  const y = yScale(domain);
  const base = y(min);
  const slot = PLOT_W / Math.max(taps.length, 1);
  const barW = Math.max(3, Math.min(20, slot * 0.6));
  const labelEvery = Math.ceil(taps.length / 24);
  const echoStatus = GRADE_STATUS[analysis.grades.mtr] ?? 'ok';
  const echoWhere = echo
    ? echo.distanceM == null
      ? `${oneDecimal(echo.delayTaps)} taps after the main tap`
      : `about ${metresAndFeet(echo.distanceM)} from the modem`
    : '';
  const note = (/** @type {number} */ index) =>
    index === mainTap ? 'main tap' : echo && index === echo.tap ? `echo, ${echoWhere}` : '';
  const description =
    `${taps.length} taps, main tap ${mainTap} at 0 dB; echo floor ${echoFloorDbc} dB. ` +
    (echo
      ? `Echo at tap ${echo.tap}: ${decibels(echo.levelDbc)} dB, ${echoWhere} (main tap ratio ` +
        `${decibels(analysis.metrics.mtrDb)} dB, ${PRE_EQ_GRADE_WORDS[analysis.grades.mtr]}).`
      : 'No tap after the main tap reaches the echo floor.');
  return html`<${ChartFigure}
    id=${id}
    title=${title}
    heading="h4"
    note=${`dB relative to the main tap; a tap after the main tap above the ${echoFloorDbc} dB floor is an echo.`}
    description=${description}
    columns=${['Tap', 'dB relative to the main tap', 'Real', 'Imaginary', 'Note']}
    rows=${taps.map(
      (t) =>
        html`<tr data-tap=${t.index}>
          <th scope="row">Tap ${t.index}</th>
          <td>${decibels(t.magnitudeDbc)}</td>
          <td>${t.real}</td>
          <td>${t.imag}</td>
          <td>${note(t.index)}</td>
        </tr>`,
    )}
    svg=${html`
      <${ValueGrid} domain=${domain} y=${y} />
      <text class="axis-unit" x=${8} y=${M.top - 6}>dB</text>
      <g class="limit">
        <line x1=${M.left} x2=${W - M.right} y1=${y(echoFloorDbc)} y2=${y(echoFloorDbc)} />
        <text x=${W - M.right - 2} y=${y(echoFloorDbc) - 3} text-anchor="end">
          echo floor ${echoFloorDbc} dB
        </text>
      </g>
      ${taps.map((t, i) => {
        const x = M.left + slot * i + (slot - barW) / 2;
        const top = Math.min(base, y(t.magnitudeDbc));
        const role = t.index === mainTap ? 'main' : echo && t.index === echo.tap ? 'echo' : 'other';
        const cls =
          role === 'main' ? 'tap-main' : role === 'echo' ? `tap-echo bar-${echoStatus}` : 'tap-other';
        const mark = role === 'main' ? 'main' : role === 'echo' ? echoMark(echo) : '';
        return html`<g class=${`tap ${cls}`}>
          <rect
            data-testid="tap-bar"
            data-chart=${id}
            data-tap=${t.index}
            data-role=${role}
            data-value=${t.magnitudeDbc}
            x=${x}
            y=${top}
            width=${barW}
            height=${Math.max(1, base - top)}
          >
            <title>
              Tap ${t.index}: ${decibels(t.magnitudeDbc)} dB${note(t.index) ? ` (${note(t.index)})` : ''}
            </title>
          </rect>
          ${mark && html`<text class="tap-mark" x=${x + barW / 2} y=${top - 4} text-anchor="middle">${mark}</text>`}
          ${
            i % labelEvery === 0 &&
            html`<text class="bar-label" x=${x + barW / 2} y=${H - M.bottom + 14} text-anchor="middle">
              ${t.index}
            </text>`
          }
        </g>`;
      })}
      <line class="axis" x1=${M.left} x2=${W - M.right} y1=${base} y2=${base} />
      <text class="axis-title" x=${M.left + PLOT_W / 2} y=${H - 4} text-anchor="middle">tap</text>
    `}
  />`;
}

/** The echo bar's label: "echo 50 m", or its delay in taps without a distance. */
function echoMark(/** @type {PreEqAnalysis['echo']} */ echo) {
  if (!echo) {
    return '';
  }
  return echo.distanceM == null
    ? `echo ${oneDecimal(echo.delayTaps)} taps`
    : `echo ${Math.round(echo.distanceM)} m`;
}
