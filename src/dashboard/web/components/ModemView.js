// @ts-check
import { html } from 'htm/preact';
import { useRef } from 'preact/hooks';
import { useApi } from '../api.js';
import {
  actionWords,
  clock,
  codeWords,
  duration,
  SKILL_LABEL,
  URGENCY_LABEL,
  VISIT_WINDOW_LABEL,
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
    <nav aria-label="Breadcrumb" class="crumbs">
      <a href=${href.fleet()}>Fleet</a> › <span aria-current="page">Modem ${modemId}</span>
    </nav>
    <h1 tabindex="-1">Modem ${modemId}</h1>
    <${LoadProblem} what="the modem" error=${modem.error} />
    ${
      !data
        ? html`<p aria-busy="true">Loading the modem…</p>`
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
    <h2 id="verdict-title">Verdict: <${VerdictBadge} verdict=${diagnosis.verdict} /></h2>
    <p class="summary">${diagnosis.summary}</p>
    <p><strong>Next step:</strong> ${actionWords(diagnosis.action)}</p>
    ${diagnosis.dispatch && html`<${DispatchFacts} dispatch=${diagnosis.dispatch} />`}
    <p class="note">
      ${`From ${diagnosis.source === 'live' ? 'a live poll' : 'the stored reading'} at ${clock(diagnosis.observedAt)} (${duration(diagnosis.ageSec)} old). `}
      <button type="button" onClick=${onPoll} disabled=${polling}>
        ${polling ? 'Polling…' : 'Poll the modem now'}
      </button>
    </p>
  </section>`;
}

/** The dispatch decision as facts: who goes, how soon, whether the fault is confirmed. */
function DispatchFacts(/** @type {{ dispatch: Dispatch }} */ { dispatch: d }) {
  const c = d.confirmation;
  const w = d.visitWindow;
  return html`<dl class="facts" data-testid="dispatch" data-urgency=${d.urgency}>
    <dt>Technician</dt>
    <dd>${URGENCY_LABEL[d.urgency]}${d.needed ? `, ${SKILL_LABEL[d.skill]}` : ''}</dd>
    ${
      d.needed &&
      html`<dt>Confirmed</dt>
        <dd>
          ${
            c.confirmed
              ? `yes (${c.by === 'HARD_FAULT' ? 'a hard fault' : `${c.faultReadings} readings, ${codeWords(c.pattern)}`})`
              : `not yet${c.recheckAt ? `: checked again at ${clock(c.recheckAt)}` : ''}`
          }
        </dd>
        <dt>When</dt>
        <dd>
          ${d.sameDayEligible ? 'today' : (w.earliestDate ?? 'not known')} (${VISIT_WINDOW_LABEL[w.reason]},
          ${w.sameDayCutoff} ${w.timeZone})
        </dd>
        <dt>Bring</dt>
        <dd>${d.bring.map(codeWords).join(', ')}</dd>`
    }
    <dt>First</dt>
    <dd>${d.firstChecks.map(codeWords).join(', ')}</dd>
    ${
      d.outage &&
      html`<dt>Outage</dt>
        <dd>${d.outage}</dd>`
    }
  </dl>`;
}

/** @param {{ reading: ModemReading|null, thresholds: Thresholds|null, diagnosis: Diagnosis }} props */
function ReadingPanel({ reading, thresholds, diagnosis }) {
  return html`<section class="panel" aria-labelledby="reading-title">
    <h2 id="reading-title">Latest reading</h2>
    ${
      !reading
        ? html`<p>No reading is stored for this modem yet.</p>`
        : !reading.reachable
          ? html`<p>The modem did not answer at ${clock(reading.observedAt)}: ${reading.error}.</p>`
          : html`<dl class="facts">
                <dt>Read at</dt>
                <dd>${clock(reading.observedAt)}</dd>
                <dt>DOCSIS</dt>
                <dd>${reading.docsisVersion}</dd>
                <dt>Status</dt>
                <dd>${reading.status.name}</dd>
                <dt>Up for</dt>
                <dd>${duration(reading.uptimeSec)}</dd>
              </dl>
              ${
                thresholds
                  ? html`<${ChannelCharts}
                      reading=${reading}
                      thresholds=${thresholds}
                      findings=${diagnosis.findings}
                    />`
                  : html`<p aria-busy="true">Loading the thresholds…</p>`
              }`
    }
  </section>`;
}
