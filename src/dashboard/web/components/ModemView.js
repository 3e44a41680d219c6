// @ts-check
import { html } from 'htm/preact';
import { useRef } from 'preact/hooks';
import { useApi } from '../api.js';
import { list, t } from '../i18n.js';
import {
  actionWords,
  bringWords,
  calendarDay,
  clock,
  duration,
  firstCheckWords,
  patternWords,
  skillLabel,
  urgencyLabel,
  visitWindowLabel,
} from '../labels.js';
import { useLiveRefresh } from '../live.js';
import { useResource } from '../resource.js';
import { href } from '../router.js';
import { ChannelCharts } from './ChannelCharts.js';
import { Findings } from './Findings.js';
import { LoadProblem } from './LoadProblem.js';
import { PreEqPanel } from './PreEqPanel.js';
import { Timeline } from './Timeline.js';
import { VerdictBadge } from './VerdictBadge.js';

/** @typedef {import('../api-types.js').Diagnosis} Diagnosis */
/** @typedef {import('../api-types.js').Dispatch} Dispatch */
/** @typedef {import('../api-types.js').ModemReading} ModemReading */
/** @typedef {import('../api-types.js').Timeline} TimelineData */
/** @typedef {import('../api-types.js').Thresholds} Thresholds */
/** @typedef {import('../api-types.js').PreEqualisation} PreEqualisation */
/** @typedef {{ diagnosis: Diagnosis, reading: ModemReading|null, preEq: PreEqualisation, timeline: TimelineData }} ModemData */

const MODEM_REFRESH_MS = 2000;
// The stored verdict is what the NOC wants to see; only a day-old one is worth a poll when the page opens.
const CACHED_VERDICT_SEC = 86_400;

/** One modem: verdict, findings, the latest reading as charts, its upstream pre-equalisation, and the last week's timeline. */
export function ModemView(/** @type {{ modemId: string }} */ { modemId }) {
  const api = useApi();
  const pollNow = useRef(false);
  const id = encodeURIComponent(modemId);
  const modem = useResource(async () => {
    const maxAgeSec = pollNow.current ? 0 : CACHED_VERDICT_SEC;
    pollNow.current = false;
    // The diagnosis first: if it polls, the reading fetched next is the one it graded.
    /** @type {Diagnosis} */
    const diagnosis = await api.get(`/modems/${id}/diagnosis?maxAgeSec=${maxAgeSec}`);
    /** @type {Promise<{ reading: ModemReading|null }>} */
    const telemetry = api.get(`/modems/${id}/telemetry`);
    /** @type {Promise<PreEqualisation>} */
    const preEq = api.get(`/modems/${id}/pre-equalisation`);
    /** @type {Promise<TimelineData>} */
    const timeline = api.get(`/modems/${id}/timeline?days=7`);
    /** @type {ModemData} */
    const data = {
      diagnosis,
      reading: (await telemetry).reading,
      preEq: await preEq,
      timeline: await timeline,
    };
    return data;
  }, [modemId]);
  const thresholds = useResource(/** @returns {Promise<Thresholds>} */ () => api.get('/thresholds'), []);
  useLiveRefresh(
    (u) => u === 'resync' || u.diagnoses.some((d) => d.modemId === modemId),
    modem.reload,
    MODEM_REFRESH_MS,
  );
  const poll = () => {
    pollNow.current = true;
    modem.reload();
  };
  const data = modem.data;
  return html`
    <nav aria-label=${t('dashboard.common.breadcrumb')} class="crumbs">
      <a href=${href.fleet()}>${t('dashboard.fleet.title')}</a> ›${' '}
      <span aria-current="page">${t('dashboard.modem.title', { modemId })}</span>
    </nav>
    <h1 tabindex="-1">${t('dashboard.modem.title', { modemId })}</h1>
    <${LoadProblem} message=${'dashboard.modem.loadFailed'} error=${modem.error} />
    ${
      !data
        ? html`<p aria-busy="true">${t('dashboard.modem.loading')}</p>`
        : html`
            <${VerdictPanel} diagnosis=${data.diagnosis} onPoll=${poll} polling=${modem.loading} />
            <${Findings} findings=${data.diagnosis.findings} notChecked=${data.diagnosis.notChecked} />
            <${ReadingPanel}
              reading=${data.reading}
              thresholds=${thresholds.data}
              diagnosis=${data.diagnosis}
            />
            <${PreEqPanel} preEq=${data.preEq} />
            <${Timeline} timeline=${data.timeline} />
          `
    }
  `;
}

/** @param {{ diagnosis: Diagnosis, onPoll: () => void, polling: boolean }} props */
function VerdictPanel({ diagnosis, onPoll, polling }) {
  return html`<section
    class="panel verdict"
    aria-labelledby="verdict-title"
    data-testid="verdict"
    data-verdict=${diagnosis.verdict}
  >
    <h2 id="verdict-title">
      ${t('dashboard.modem.verdict')} <${VerdictBadge} verdict=${diagnosis.verdict} />
    </h2>
    <p class="summary">${diagnosis.summary}</p>
    <p><strong>${t('dashboard.modem.nextStep')}</strong> ${actionWords(diagnosis.action)}</p>
    ${diagnosis.dispatch && html`<${DispatchFacts} dispatch=${diagnosis.dispatch} />`}
    <p class="note">
      ${t('dashboard.modem.source', {
        source: diagnosis.source,
        at: clock(diagnosis.observedAt),
        age: duration(diagnosis.ageSec),
      })}${' '}
      <button type="button" onClick=${onPoll} disabled=${polling}>
        ${polling ? t('dashboard.modem.polling') : t('dashboard.modem.poll')}
      </button>
    </p>
  </section>`;
}

/** The dispatch decision as facts: who goes, how soon, whether the fault is confirmed. */
function DispatchFacts(/** @type {{ dispatch: Dispatch }} */ { dispatch: d }) {
  const c = d.confirmation;
  const w = d.visitWindow;
  return html`<dl class="facts" data-testid="dispatch" data-urgency=${d.urgency}>
    <dt>${t('dashboard.dispatch.technician')}</dt>
    <dd>
      ${
        d.needed
          ? t('dashboard.dispatch.technicianValue', {
              urgency: urgencyLabel(d.urgency),
              skill: skillLabel(d.skill),
            })
          : urgencyLabel(d.urgency)
      }
    </dd>
    ${
      d.needed &&
      html`<dt>${t('dashboard.dispatch.confirmed')}</dt>
        <dd>${confirmationWords(c)}</dd>
        <dt>${t('dashboard.dispatch.when')}</dt>
        <dd>
          ${t('dashboard.dispatch.whenValue', {
            day: d.sameDayEligible ? 'today' : w.earliestDate ? 'date' : 'unknown',
            date: w.earliestDate ? calendarDay(w.earliestDate) : '',
            reason: visitWindowLabel(w.reason),
            cutoff: w.sameDayCutoff,
            timeZone: w.timeZone,
          })}
        </dd>
        <dt>${t('dashboard.dispatch.bring')}</dt>
        <dd>${list(d.bring.map(bringWords))}</dd>`
    }
    <dt>${t('dashboard.dispatch.first')}</dt>
    <dd>${list(d.firstChecks.map(firstCheckWords))}</dd>
    ${
      d.outage &&
      html`<dt>${t('dashboard.dispatch.outage')}</dt>
        <dd>${d.outage}</dd>`
    }
  </dl>`;
}

/** Whether the fault is confirmed, in words: by a hard fault, by repeated readings, or not yet. */
function confirmationWords(/** @type {Dispatch['confirmation']} */ c) {
  if (c.confirmed) {
    return c.by === 'HARD_FAULT'
      ? t('dashboard.dispatch.confirmedHard')
      : t('dashboard.dispatch.confirmedSeen', { n: c.faultReadings, pattern: patternWords(c.pattern) });
  }
  return c.recheckAt
    ? t('dashboard.dispatch.notYetRecheck', { at: clock(c.recheckAt) })
    : t('dashboard.dispatch.notYet');
}

/** @param {{ reading: ModemReading|null, thresholds: Thresholds|null, diagnosis: Diagnosis }} props */
function ReadingPanel({ reading, thresholds, diagnosis }) {
  return html`<section class="panel" aria-labelledby="reading-title">
    <h2 id="reading-title">${t('dashboard.reading.title')}</h2>
    ${
      !reading
        ? html`<p>${t('dashboard.reading.none')}</p>`
        : !reading.reachable
          ? html`<p>
              ${t('dashboard.reading.noAnswer', { at: clock(reading.observedAt), error: reading.error })}
            </p>`
          : html`<dl class="facts">
                <dt>${t('dashboard.reading.readAt')}</dt>
                <dd>${clock(reading.observedAt)}</dd>
                <dt>${t('dashboard.reading.docsis')}</dt>
                <dd>${reading.docsisVersion}</dd>
                <dt>${t('dashboard.reading.status')}</dt>
                <dd>${reading.status.name}</dd>
                <dt>${t('dashboard.reading.upFor')}</dt>
                <dd>${duration(reading.uptimeSec)}</dd>
              </dl>
              ${
                thresholds
                  ? html`<${ChannelCharts}
                      reading=${reading}
                      thresholds=${thresholds}
                      findings=${diagnosis.findings}
                    />`
                  : html`<p aria-busy="true">${t('dashboard.reading.loadingThresholds')}</p>`
              }`
    }
  </section>`;
}
