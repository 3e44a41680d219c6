// @ts-check
import { html } from 'htm/preact';
import { BarChart } from '../charts/BarChart.js';
import {
  codewordCharts,
  dsPowerChart,
  dsSnrChart,
  statusFromFindings,
  usTxChart,
} from '../charts/channel-charts.js';
import { t } from '../i18n.js';
import { decibels, statusWords } from '../labels.js';

/** @typedef {import('../api-types.js').ReachableReading} ReachableReading */
/** @typedef {import('../api-types.js').Thresholds} Thresholds */
/** @typedef {import('../api-types.js').Finding} Finding */

/**
 * The latest reading per channel against the thresholds profile, coloured by the findings.
 * @param {{ reading: ReachableReading, thresholds: Thresholds, findings: Finding[] }} props
 */
export function ChannelCharts({ reading, thresholds, findings }) {
  const charts = [
    dsPowerChart(reading, thresholds, findings),
    dsSnrChart(reading, thresholds, findings),
    usTxChart(reading, thresholds, findings),
    ...codewordCharts(reading, thresholds, findings),
  ].filter((c) => c.bars.length > 0);
  return html`
    <p class="note">${t('dashboard.charts.profile', { name: thresholds.name })}</p>
    <${Legend} />
    <div class="charts">${charts.map((spec) => html`<${BarChart} key=${spec.id} spec=${spec} />`)}</div>
    <${Docsis31Channels} reading=${reading} findings=${findings} />
  `;
}

function Legend() {
  return html`<ul class="legend" aria-label=${t('dashboard.charts.legend')}>
    <li>
      <span class="swatch band-textbook" aria-hidden="true"></span>
      ${t('dashboard.charts.legend.textbookBand')}
    </li>
    <li>
      <span class="swatch band-marginal" aria-hidden="true"></span>
      ${t('dashboard.charts.legend.marginalBand')}
    </li>
    <li><span class="swatch bar-ok" aria-hidden="true"></span> ${t('dashboard.charts.legend.channelOk')}</li>
    <li>
      <span class="swatch bar-marginal" aria-hidden="true"></span> ! ${t('dashboard.charts.legend.marginal')}
    </li>
    <li><span class="swatch bar-fault" aria-hidden="true"></span> ✕ ${t('dashboard.charts.legend.fault')}</li>
  </ul>`;
}

/**
 * OFDM and OFDMA channels: few per modem, so a table says more than a chart.
 * @param {{ reading: ReachableReading, findings: Finding[] }} props
 */
function Docsis31Channels({ reading, findings }) {
  if (reading.ofdm.length === 0 && reading.ofdma.length === 0) {
    return null;
  }
  const status = statusFromFindings(
    findings,
    findings.map((f) => f.code),
  );
  return html`<table class="ofdm" data-testid="docsis31-channels">
    <caption>
      ${t('dashboard.charts.docsis31.title')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('dashboard.charts.col.channel')}</th>
        <th scope="col">${t('dashboard.charts.col.value')}</th>
        <th scope="col">${t('dashboard.charts.col.status')}</th>
      </tr>
    </thead>
    <tbody>
      ${reading.ofdm.map((ch) => {
        const s = status({ direction: 'downstream', kind: 'OFDM', ...ch });
        return html`<tr data-testid="channel-row" data-channel=${`ofdm-${ch.channelId}`} data-status=${s}>
          <th scope="row">${t('dashboard.charts.docsis31.ofdm', { id: String(ch.channelId) })}</th>
          <td>
            ${
              ch.meanRxMerDb == null
                ? t('dashboard.charts.docsis31.merNotReported')
                : t('dashboard.charts.docsis31.mer', { mer: decibels(ch.meanRxMerDb) })
            }
          </td>
          <td class=${`status-${s}`}>${statusWords(s)}</td>
        </tr>`;
      })}
      ${reading.ofdma.map((ch) => {
        const s = status({ direction: 'upstream', kind: 'OFDMA', ...ch });
        return html`<tr data-testid="channel-row" data-channel=${`ofdma-${ch.channelId}`} data-status=${s}>
          <th scope="row">${t('dashboard.charts.docsis31.ofdma', { id: String(ch.channelId) })}</th>
          <td>
            ${t('dashboard.charts.docsis31.transmit', {
              level: decibels(ch.txPowerDbmv),
              muted: ch.muted ? 'yes' : 'no',
            })}
          </td>
          <td class=${`status-${s}`}>${statusWords(s)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
