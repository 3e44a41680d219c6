// @ts-check
import { html } from 'htm/preact';
import { ResponseChart } from '../charts/ResponseChart.js';
import { TapChart } from '../charts/TapChart.js';
import { t } from '../i18n.js';
import {
  clock,
  decibels,
  distortionWords,
  gradeWords,
  metresAndFeet,
  mhz,
  tenths,
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
    <h2 id="pre-eq-title">${t('dashboard.preEq.title')}</h2>
    <p class="note">
      ${t('dashboard.preEq.note')}
      ${preEq.observedAt && ` ${t('dashboard.preEq.fromReading', { at: clock(preEq.observedAt) })}`}
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
  const heading = t('dashboard.preEq.channel', {
    named: channel.channelId == null ? 'no' : 'yes',
    id: String(channel.channelId ?? ''),
    ifIndex: String(channel.ifIndex),
    hasFrequency: channel.frequencyHz > 0 ? 'yes' : 'no',
    frequency: mhz(channel.frequencyHz),
  });
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
              <dt>${t('dashboard.preEq.mtr')}</dt>
              <dd>
                ${t('dashboard.preEq.mtrValue', { mtr: decibels(a.metrics.mtrDb), grade: gradeWords(a.grades.mtr) })}
              </dd>
              <dt>${t('dashboard.preEq.distortion')}</dt>
              <dd>${distortionWords(a.distortion)}</dd>
              <dt>${t('dashboard.preEq.echo')}</dt>
              <dd data-testid="pre-eq-echo">
                ${
                  a.echo
                    ? a.echo.distanceM == null
                      ? t('dashboard.preEq.echoTaps', {
                          tap: a.echo.tap,
                          level: decibels(a.echo.levelDbc),
                          taps: tenths(a.echo.delayTaps),
                        })
                      : t('dashboard.preEq.echoDistance', {
                          tap: a.echo.tap,
                          level: decibels(a.echo.levelDbc),
                          distance: metresAndFeet(a.echo.distanceM),
                        })
                    : a.shortEcho.present
                      ? t('dashboard.preEq.shortEcho')
                      : t('dashboard.preEq.noEcho', { floor: decibels(a.echoFloorDbc) })
                }
              </dd>
            </dl>
            <div class="charts">
              <${TapChart}
                id=${`pre-eq-taps-${key}`}
                title=${t('dashboard.preEq.tapsTitle', { channel: name })}
                analysis=${a}
              />
              <${ResponseChart}
                id=${`pre-eq-response-${key}`}
                title=${t('dashboard.preEq.responseTitle', { channel: name })}
                analysis=${a}
              />
            </div>`
    }
  </section>`;
}
