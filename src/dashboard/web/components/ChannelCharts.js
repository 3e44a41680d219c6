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
    <p class="note">Thresholds profile <strong>${thresholds.name}</strong>.</p>
    <${Legend} />
    <div class="charts">${charts.map((spec) => html`<${BarChart} key=${spec.id} spec=${spec} />`)}</div>
    <${Docsis31Channels} reading=${reading} findings=${findings} />
  `;
}

function Legend() {
  return html`<ul class="legend" aria-label="Chart legend">
    <li><span class="swatch band-textbook" aria-hidden="true"></span> textbook band</li>
    <li><span class="swatch band-marginal" aria-hidden="true"></span> marginal band</li>
    <li><span class="swatch bar-ok" aria-hidden="true"></span> channel OK</li>
    <li><span class="swatch bar-marginal" aria-hidden="true"></span> ! marginal (per the diagnosis)</li>
    <li><span class="swatch bar-fault" aria-hidden="true"></span> ✕ fault (per the diagnosis)</li>
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
  const words = { ok: 'OK', marginal: 'Marginal', fault: 'Fault' };
  return html`<table class="ofdm" data-testid="docsis31-channels">
    <caption>
      DOCSIS 3.1 channels
    </caption>
    <thead>
      <tr>
        <th scope="col">Channel</th>
        <th scope="col">Value</th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      ${reading.ofdm.map((ch) => {
        const s = status({ direction: 'downstream', kind: 'OFDM', ...ch });
        return html`<tr data-testid="channel-row" data-channel=${`ofdm-${ch.channelId}`} data-status=${s}>
          <th scope="row">OFDM downstream ${ch.channelId}</th>
          <td>${ch.meanRxMerDb == null ? 'MER not reported' : `MER ${ch.meanRxMerDb} dB`}</td>
          <td class=${`status-${s}`}>${words[s]}</td>
        </tr>`;
      })}
      ${reading.ofdma.map((ch) => {
        const s = status({ direction: 'upstream', kind: 'OFDMA', ...ch });
        return html`<tr data-testid="channel-row" data-channel=${`ofdma-${ch.channelId}`} data-status=${s}>
          <th scope="row">OFDMA upstream ${ch.channelId}</th>
          <td>transmit ${ch.txPowerDbmv} dBmV${ch.muted ? ', muted' : ''}</td>
          <td class=${`status-${s}`}>${words[s]}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
