// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
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

/** @type {Readonly<Record<'linecheck'|'modemLog', import('../i18n.js').WebKey>>} */
const SOURCE_WORDS = {
  linecheck: 'dashboard.timeline.source.linecheck',
  modemLog: 'dashboard.timeline.source.modemLog',
};

/** @type {Readonly<Record<'absent'|'notRead', import('../i18n.js').WebKey>>} */
const MODEM_LOG_NOTE = {
  absent: 'dashboard.timeline.modemLog.absent',
  notRead: 'dashboard.timeline.modemLog.notRead',
};

/** Linecheck's event kinds and the ones only the modem's own log shows (labels.js). */
const words = timelineWords;

/** "first 25/11/2026, 01:56:02": what a logged row seen more than once adds to its sentence. */
function occurrences(/** @type {LogEntry} */ log) {
  return log.count != null && log.count > 1 && log.firstAt
    ? t('dashboard.timeline.firstAt', { n: log.count, at: clock(log.firstAt) })
    : '';
}

/** What happened to the line over the last week, newest first: Linecheck's readings and the modem's own log. */
export function Timeline(/** @type {{ timeline: TimelineData }} */ { timeline }) {
  const untimed = timeline.untimed ?? [];
  const state = timeline.modemLog?.state;
  return html`<section class="panel" aria-labelledby="timeline-title">
    <h2 id="timeline-title">${t('dashboard.timeline.title')}</h2>
    ${
      timeline.events.length === 0
        ? html`<p data-testid="timeline">
            ${
              timeline.coveredFrom
                ? t('dashboard.timeline.nothingSince', { at: clock(timeline.coveredFrom) })
                : t('dashboard.timeline.nothing')
            }
          </p>`
        : html`<ol class="timeline" data-testid="timeline">
            ${timeline.events.map(
              (e) =>
                html`<li data-kind=${e.kind} data-source=${e.source ?? 'linecheck'}>
                  <time datetime=${e.at}>${clock(e.at)}</time>
                  <strong>${words(e.kind)}</strong>
                  <span>${e.evidence}</span>
                  <small class="note"> · ${t(SOURCE_WORDS[e.source ?? 'linecheck'])}</small>
                  ${e.log && occurrences(e.log) ? html`<small class="note"> · ${occurrences(e.log)}</small>` : ''}
                </li>`,
            )}
          </ol>`
    }
    ${
      untimed.length > 0 &&
      html`<h3>${t('dashboard.timeline.untimed')}</h3>
        <p class="note">${t('dashboard.timeline.untimedNote')}</p>
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
    ${state === 'absent' || state === 'notRead' ? html`<p class="note">${t(MODEM_LOG_NOTE[state])}</p>` : ''}
  </section>`;
}
