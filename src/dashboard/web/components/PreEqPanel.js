// @ts-check
import { html } from 'htm/preact';
import { ResponseChart } from '../charts/ResponseChart.js';
import { TapChart } from '../charts/TapChart.js';
import {
  clock,
  decibels,
  distortionWords,
  metresAndFeet,
  mhz,
  oneDecimal,
  PRE_EQ_GRADE_WORDS,
  usChannelName,
} from '../labels.js';

/** @typedef {import('../api-types.js').PreEqualisation} PreEqualisation */
/** @typedef {import('../api-types.js').PreEqChannel} PreEqChannel */

/**
 * The modem's upstream pre-equalisation (GET /modems/{id}/pre-equalisation): per channel its taps and the frequency
 * response they make, drawn only where coefficients were read; otherwise why not.
 * @param {{ preEq: PreEqualisation }} props
 */
export function PreEqPanel({ preEq }) {
  return html`<section class="panel" aria-labelledby="pre-eq-title" data-testid="pre-eq">
    <h2 id="pre-eq-title">Upstream pre-equalisation</h2>
    <p class="note">
      The coefficients the modem pre-distorts its upstream with: energy off the main tap is what it corrects.
      An echo after the main tap is a reflection; its delay gives the distance from the modem to the fault.
      ${preEq.observedAt && ` From the reading at ${clock(preEq.observedAt)}.`}
    </p>
    ${preEq.reason && html`<p data-testid="pre-eq-reason">${preEq.reason}</p>`}
    ${preEq.channels.map((ch) => html`<${PreEqChannelView} key=${ch.ifIndex} channel=${ch} />`)}
  </section>`;
}

/** @param {{ channel: PreEqChannel }} props */
function PreEqChannelView({ channel }) {
  const name = usChannelName(channel);
  const key = `us-${channel.channelId ?? `if${channel.ifIndex}`}`;
  const a = channel.analysis;
  const heading = `Upstream channel ${channel.channelId ?? `(ifIndex ${channel.ifIndex})`}${
    channel.frequencyHz > 0 ? ` (${mhz(channel.frequencyHz)})` : ''
  }`;
  return html`<section
    class="pre-eq-channel"
    aria-labelledby=${`pre-eq-${key}`}
    data-testid="pre-eq-channel"
    data-channel=${key}
    data-state=${channel.state}
  >
    <h3 id=${`pre-eq-${key}`}>${heading}</h3>
    ${
      !a
        ? html`<p>${channel.reason}</p>`
        : html`<dl class="facts">
              <dt>Main tap ratio</dt>
              <dd>${decibels(a.metrics.mtrDb)} dB (${PRE_EQ_GRADE_WORDS[a.grades.mtr]})</dd>
              <dt>Distortion</dt>
              <dd>${distortionWords(a.distortion)}</dd>
              <dt>Echo</dt>
              <dd data-testid="pre-eq-echo">
                ${
                  a.echo
                    ? `tap ${a.echo.tap}, ${decibels(a.echo.levelDbc)} dB, ` +
                      (a.echo.distanceM == null
                        ? `${oneDecimal(a.echo.delayTaps)} taps after the main tap (channel width not read)`
                        : `about ${metresAndFeet(a.echo.distanceM)} from the modem`)
                    : a.shortEcho.present
                      ? 'none further out; energy on both taps next to the main tap (in-home wiring or splitters)'
                      : `none above the ${a.echoFloorDbc} dB floor`
                }
              </dd>
            </dl>
            <div class="charts">
              <${TapChart} id=${`pre-eq-taps-${key}`} title=${`${name}: tap magnitudes`} analysis=${a} />
              <${ResponseChart}
                id=${`pre-eq-response-${key}`}
                title=${`${name}: in-channel frequency response`}
                analysis=${a}
              />
            </div>`
    }
  </section>`;
}
