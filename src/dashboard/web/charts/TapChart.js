// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { decibels, gradeWords, metresAndFeet, tenths } from '../labels.js';
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
  const floor = decibels(echoFloorDbc);
  const echoNote = echo
    ? echo.distanceM == null
      ? t('dashboard.preEq.taps.echoTaps', { taps: tenths(echo.delayTaps) })
      : t('dashboard.preEq.taps.echoDistance', { distance: metresAndFeet(echo.distanceM) })
    : '';
  const note = (/** @type {number} */ index) =>
    index === mainTap ? t('dashboard.preEq.taps.mainTap') : echo && index === echo.tap ? echoNote : '';
  const echoValues = echo && {
    tap: echo.tap,
    level: decibels(echo.levelDbc),
    mtr: decibels(analysis.metrics.mtrDb),
    grade: gradeWords(analysis.grades.mtr),
  };
  // Two sentences: the taps and the floor, then the echo (or that there is none).
  const description = [
    t('dashboard.preEq.taps.description', { n: taps.length, main: mainTap, floor }),
    !echo || !echoValues
      ? t('dashboard.preEq.taps.noEcho')
      : echo.distanceM == null
        ? t('dashboard.preEq.taps.echoSentenceTaps', { ...echoValues, taps: tenths(echo.delayTaps) })
        : t('dashboard.preEq.taps.echoSentenceDistance', {
            ...echoValues,
            distance: metresAndFeet(echo.distanceM),
          }),
  ].join(' ');
  return html`<${ChartFigure}
    id=${id}
    title=${title}
    heading="h4"
    note=${t('dashboard.preEq.taps.note', { floor })}
    description=${description}
    columns=${[
      t('dashboard.preEq.taps.col.tap'),
      t('dashboard.preEq.taps.col.level'),
      t('dashboard.preEq.taps.col.real'),
      t('dashboard.preEq.taps.col.imaginary'),
      t('dashboard.preEq.taps.col.note'),
    ]}
    rows=${taps.map(
      (tap) =>
        html`<tr data-tap=${tap.index}>
          <th scope="row">${t('dashboard.preEq.taps.tap', { tap: tap.index })}</th>
          <td>${decibels(tap.magnitudeDbc)}</td>
          <td>${tap.real}</td>
          <td>${tap.imag}</td>
          <td>${note(tap.index)}</td>
        </tr>`,
    )}
    svg=${html`
      <${ValueGrid} domain=${domain} y=${y} />
      <text class="axis-unit" x=${8} y=${M.top - 6}>dB</text>
      <g class="limit">
        <line x1=${M.left} x2=${W - M.right} y1=${y(echoFloorDbc)} y2=${y(echoFloorDbc)} />
        <text x=${W - M.right - 2} y=${y(echoFloorDbc) - 3} text-anchor="end">
          ${t('dashboard.preEq.taps.floor', { floor })}
        </text>
      </g>
      ${taps.map((tap, i) => {
        const x = M.left + slot * i + (slot - barW) / 2;
        const top = Math.min(base, y(tap.magnitudeDbc));
        const role = tap.index === mainTap ? 'main' : echo && tap.index === echo.tap ? 'echo' : 'other';
        const cls =
          role === 'main' ? 'tap-main' : role === 'echo' ? `tap-echo bar-${echoStatus}` : 'tap-other';
        const mark =
          role === 'main' ? t('dashboard.preEq.taps.markMain') : role === 'echo' ? echoMark(echo) : '';
        const level = decibels(tap.magnitudeDbc);
        return html`<g class=${`tap ${cls}`}>
          <rect
            data-testid="tap-bar"
            data-chart=${id}
            data-tap=${tap.index}
            data-role=${role}
            data-value=${tap.magnitudeDbc}
            x=${x}
            y=${top}
            width=${barW}
            height=${Math.max(1, base - top)}
          >
            <title>
              ${
                note(tap.index)
                  ? t('dashboard.preEq.taps.barTitleNote', { tap: tap.index, level, note: note(tap.index) })
                  : t('dashboard.preEq.taps.barTitle', { tap: tap.index, level })
              }
            </title>
          </rect>
          ${mark && html`<text class="tap-mark" x=${x + barW / 2} y=${top - 4} text-anchor="middle">${mark}</text>`}
          ${
            i % labelEvery === 0 &&
            html`<text class="bar-label" x=${x + barW / 2} y=${H - M.bottom + 14} text-anchor="middle">
              ${tap.index}
            </text>`
          }
        </g>`;
      })}
      <line class="axis" x1=${M.left} x2=${W - M.right} y1=${base} y2=${base} />
      <text class="axis-title" x=${M.left + PLOT_W / 2} y=${H - 4} text-anchor="middle">
        ${t('dashboard.preEq.taps.axis')}
      </text>
    `}
  />`;
}

/** The echo bar's label: "echo 50 m", or its delay in taps without a distance. */
function echoMark(/** @type {PreEqAnalysis['echo']} */ echo) {
  if (!echo) {
    return '';
  }
  return echo.distanceM == null
    ? t('dashboard.preEq.taps.markEchoTaps', { taps: tenths(echo.delayTaps) })
    : t('dashboard.preEq.taps.markEchoDistance', { metres: Math.round(echo.distanceM) });
}
