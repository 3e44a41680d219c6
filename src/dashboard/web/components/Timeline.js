// @ts-check
import { html } from 'htm/preact';
import { clock, timelineWords } from '../labels.js';

/**
 * @typedef {{ index: number, eventId: number|null, level: number|null, levelName: string|null, count: number|null,
 *   firstAt: string|null, lastAt: string|null, text: string|null }} LogEntry
 * @typedef {import('../api-types.js').TimelineEvent & { source?: 'linecheck'|'modemLog', log?: LogEntry }} Event
 * @typedef {{ kind: string, source: 'modemLog', evidence: string, log: LogEntry }} UntimedEvent
 * @typedef {{ state: 'read'|'absent'|'notRead', readAt: string|null, rows: number }} ModemLogState
 * @typedef {Omit<import('../api-types.js').Timeline, 'events'> & { events: Event[], untimed?: UntimedEvent[],
 *   modemLog?: ModemLogState }} TimelineData
 */

/** The kinds only the modem's own log shows (REBOOT and REREGISTRATION are in labels.js). */
const LOGGED_WORDS = /** @type {Record<string, string>} */ ({
  T3_TIMEOUT: 'T3 time-out',
  T4_TIMEOUT: 'T4 time-out',
  RANGING_FAILED: 'Ranging failed',
  SYNC_LOSS: 'Lost downstream sync',
  DHCP_FAILURE: 'DHCP failed',
  TOD_FAILURE: 'Time of day failed',
  CONFIG_FILE_FAILURE: 'Config file failed',
  OTHER: 'Logged',
});

const SOURCE_WORDS = { linecheck: 'Linecheck', modemLog: 'modem log' };

const MODEM_LOG_NOTE = {
  absent: 'The modem keeps no event log Linecheck can read.',
  notRead:
    'The modem’s own log is not shown: the latest reading did not read it (a sweep’s, or the modem did not answer).',
};

const words = (/** @type {string} */ kind) => LOGGED_WORDS[kind] ?? timelineWords(kind);

/** "12 times, first 2026-11-25 01:56:02": what a logged row adds to its sentence. */
function occurrences(/** @type {LogEntry} */ log) {
  return log.count != null && log.count > 1 && log.firstAt ? `first ${clock(log.firstAt)}` : '';
}

/** What happened to the line over the last week, newest first: Linecheck's readings and the modem's own log. */
export function Timeline(/** @type {{ timeline: TimelineData }} */ { timeline }) {
  const untimed = timeline.untimed ?? [];
  const state = timeline.modemLog?.state;
  return html`<section class="panel" aria-labelledby="timeline-title">
    <h2 id="timeline-title">Last 7 days</h2>
    ${
      timeline.events.length === 0
        ? html`<p data-testid="timeline">
            Nothing changed${timeline.coveredFrom ? ` since ${clock(timeline.coveredFrom)}` : ''}.
          </p>`
        : html`<ol class="timeline" data-testid="timeline">
            ${timeline.events.map(
              (e) =>
                html`<li data-kind=${e.kind} data-source=${e.source ?? 'linecheck'}>
                  <time datetime=${e.at}>${clock(e.at)}</time>
                  <strong>${words(e.kind)}</strong>
                  <span>${e.evidence}</span>
                  <small class="note"> · ${SOURCE_WORDS[e.source ?? 'linecheck']}</small>
                  ${e.log && occurrences(e.log) ? html`<small class="note"> · ${occurrences(e.log)}</small>` : ''}
                </li>`,
            )}
          </ol>`
    }
    ${
      untimed.length > 0 &&
      html`<h3>Logged without a time</h3>
        <p class="note">The modem had no time of day then, so these cannot be placed above.</p>
        <ul class="timeline" data-testid="timeline-untimed">
          ${untimed.map(
            (e) =>
              html`<li data-kind=${e.kind} data-source="modemLog">
                <strong>${words(e.kind)}</strong>
                <span>${e.evidence}</span>
              </li>`,
          )}
        </ul>`
    }
    ${state === 'absent' || state === 'notRead' ? html`<p class="note">${MODEM_LOG_NOTE[state]}</p>` : ''}
  </section>`;
}
