// @ts-check
import { html } from 'htm/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { ApiError } from '../api.js';
import { list, t } from '../i18n.js';
import { Dispatch } from './Dispatch.js';
import { useFocusOnMount } from './focus.js';
import { historyText } from './history.js';
import { Reboot } from './Reboot.js';
import { Scripts } from './Scripts.js';
import { ACTION_NEXT, LIGHT, LIGHT_ICON, SEVERITY, label, verdictLabel } from './texts.js';

/** @typedef {import('./types.js').ConsoleDiagnosis} ConsoleDiagnosis */
/** @typedef {import('./types.js').Timeline} Timeline */
/** @typedef {import('./types.js').CpeDevice} CpeDevice */
/** @typedef {{ diagnosis: ConsoleDiagnosis, timeline: Timeline|null, devices: CpeDevice[]|null }} LineState */

/** The headline the agent reads first: the answer's own, else its summary. @param {ConsoleDiagnosis} d */
const headlineOf = (d) => d.headline ?? d.summary;

/**
 * One verified line: the verdict as a traffic light, what to tell the customer and do next, the outage, the router,
 * "yesterday it worked", the dispatch decision, the scripts, the remote reboot (with the right), and the findings
 * for the agent. Asked again when the page's language changes (the answer's texts come in that language).
 * @param {{ api: import('../api.js').AgentApi, me: import('./types.js').Me, line: import('./types.js').Line, lang: string,
 *   shownScripts: string[] }} props shownScripts: the codes of the scripts the verification already showed
 */
export function LineView({ api, me, line, lang, shownScripts }) {
  const announce = useAnnounce();
  const heading = useFocusOnMount();
  const [state, setState] = useState(/** @type {LineState|null} */ (null));
  const [problem, setProblem] = useState(/** @type {string|null} */ (null));
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const id = encodeURIComponent(line.modemId);

  /**
   * The diagnosis, then the timeline (which may fail alone). `fresh`: a
   * live poll; `quiet`: the caller announces.
   * @returns {Promise<ConsoleDiagnosis|null>}
   */
  const load = useCallback(
    async (/** @type {{ fresh?: boolean, quiet?: boolean }} */ how = {}) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const diagnosis = /** @type {ConsoleDiagnosis} */ (
          await api.get(`/modems/${id}/diagnosis${how.fresh ? '?maxAgeSec=0' : ''}`, line.lineToken)
        );
        // After the diagnosis, so that the timeline holds the reading it just made.
        const timeline = await /** @type {Promise<Timeline>} */ (
          api.get(`/modems/${id}/timeline?days=7`, line.lineToken)
        ).catch(() => null);
        if (mine !== generation.current) {
          return null;
        }
        const devices = diagnosis.devices ?? null;
        setState({ diagnosis, timeline, devices });
        setProblem(null);
        setLoading(false);
        if (!how.quiet) {
          announce(
            t('console.announce.verdict', {
              modemId: line.modemId,
              verdict: verdictLabel(diagnosis.verdict),
              headline: headlineOf(diagnosis),
            }),
          );
        }
        return diagnosis;
      } catch (error) {
        if (mine === generation.current) {
          const text =
            error instanceof ApiError && error.status === 403
              ? t('console.line.tokenExpired')
              : t('console.line.error', { error: error instanceof Error ? error.message : String(error) });
          setProblem(text);
          setLoading(false);
          announce(text);
        }
        return null;
      }
    },
    [api, id, line, announce],
  );

  useEffect(() => {
    void load();
  }, [load, lang]);

  const d = state?.diagnosis;
  return html`<section
    class="panel line"
    aria-labelledby="line-title"
    aria-busy=${loading ? 'true' : 'false'}
    data-testid="line"
    data-modem=${line.modemId}
  >
    <div class="line-head">
      <h2 id="line-title" tabindex="-1" ref=${heading}>
        ${t('console.line.title', { modemId: line.modemId })}
      </h2>
      ${d && html`<span class="observed">${t('console.line.observedAt', { at: new Date(d.observedAt) })}</span>`}
    </div>
    ${loading && html`<p class="loading" data-testid="line-loading">${t('console.line.loading')}</p>`}
    ${problem && html`<p class="problem problem-error" data-testid="line-problem"><span aria-hidden="true">⚠ </span>${problem}</p>`}
    ${
      d &&
      state &&
      html`<${Answer}
        api=${api}
        me=${me}
        line=${line}
        state=${state}
        reload=${load}
        shownScripts=${shownScripts}
      />`
    }
  </section>`;
}

/**
 * @param {{ api: import('../api.js').AgentApi, me: import('./types.js').Me, line: import('./types.js').Line,
 *   state: LineState, reload: (how?: { fresh?: boolean, quiet?: boolean }) => Promise<ConsoleDiagnosis|null>,
 *   shownScripts: string[] }} props
 */
function Answer({ api, me, line, state, reload, shownScripts }) {
  const { diagnosis: d, timeline, devices } = state;
  const light = LIGHT[d.verdict] ?? 'amber';
  return html`
    <div
      class=${`verdict light-${light}`}
      role="group"
      aria-label=${t('console.verdict.heading')}
      data-testid="verdict"
      data-verdict=${d.verdict}
      data-light=${light}
    >
      <span class="light-icon" aria-hidden="true">${LIGHT_ICON[light]}</span>
      <div>
        <h3 class="verdict-label">${verdictLabel(d.verdict)}</h3>
        <p class="headline" data-testid="headline">${headlineOf(d)}</p>
      </div>
    </div>
    ${d.verdict === 'PLANT_OUTAGE' && html`<${OutageBanner} d=${d} />`}
    <div class="say-do">
      <div class="block" data-testid="customer-message">
        <h3>${t('console.customer.title')}</h3>
        <p>${d.customerMessage ?? d.summary}</p>
      </div>
      <div class="block" data-testid="next-step">
        <h3>${t('console.next.title')}</h3>
        <p>${d.nextStep ?? (ACTION_NEXT[d.action] ? t(ACTION_NEXT[d.action]) : d.action)}</p>
      </div>
    </div>
    ${(d.verdict === 'TEXTBOOK_OK' || devices?.some((x) => x.vendor)) && html`<${Devices} devices=${devices} verdict=${d.verdict} />`}
    ${
      timeline &&
      html`<div class="block" data-testid="history">
        <h3>${t('console.history.title')}</h3>
        <p>${historyText(d.verdict, timeline)}</p>
      </div>`
    }
    ${d.dispatch && html`<${Dispatch} dispatch=${d.dispatch} />`}
    <${Scripts}
      scripts=${(d.scripts ?? []).filter((x) => !shownScripts.includes(x.code))}
      testid="line-scripts"
    />
    ${me.may.reboot && html`<${Reboot} api=${api} line=${line} diagnosis=${d} reload=${reload} />`}
    <${Details} d=${d} />
    <p>
      <button type="button" data-testid="recheck" onClick=${() => void reload({ fresh: true })}>
        ${t('console.line.recheck')}
      </button>
    </p>
  `;
}

/** The node is down: how many neighbours are offline out of how many, and that no visit is booked. @param {{ d: ConsoleDiagnosis }} props */
function OutageBanner({ d }) {
  const n = d.neighbours;
  return html`<div class="outage" data-testid="outage">
    <h3><span aria-hidden="true">⚡ </span>${t('console.outage.title')}</h3>
    ${
      n &&
      html`<p data-testid="outage-counts">
        ${t('console.outage.counts', { offline: n.othersOffline, others: n.others, node: n.node })}
      </p>`
    }
    <p>${t('console.outage.handled')}</p>
    ${d.dispatch?.outage && html`<p class="muted">${t('console.outage.ticket', { outage: d.dispatch.outage })}</p>`}
  </div>`;
}

/**
 * The devices behind the modem: the router by its maker when the answer names one, and the wired test that tells a
 * router problem from a line problem.
 * @param {{ devices: CpeDevice[]|null, verdict: string }} props
 */
function Devices({ devices, verdict }) {
  if (devices == null) {
    return null;
  }
  const vendors = [...new Set(devices.flatMap((x) => (x.vendor ? [x.vendor] : [])))];
  return html`<div class="block" data-testid="devices">
    <h3>${t('console.router.title')}</h3>
    <p data-testid="devices-text">
      ${
        devices.length === 0
          ? t('console.router.none')
          : vendors.length > 0
            ? t('console.router.named', { count: devices.length, vendors: list(vendors) })
            : t('console.router.unnamed', { count: devices.length })
      }
    </p>
    ${devices.length > 0 && verdict === 'TEXTBOOK_OK' && html`<p class="advice">${t('console.router.wired')}</p>`}
  </div>`;
}

/** The findings in the technical wording, and what could not be checked: collapsed, for the agent. @param {{ d: ConsoleDiagnosis }} props */
function Details({ d }) {
  const notChecked = d.notChecked ?? [];
  return html`<details class="details" data-testid="details">
    <summary>${t('console.details.summary')}</summary>
    <h4>${t('console.details.findings')}</h4>
    ${
      d.findings.length === 0
        ? html`<p>${t('console.details.noFindings')}</p>`
        : html`<ul class="findings">
            ${d.findings.map(
              (f) =>
                html`<li data-code=${f.code} data-severity=${f.severity}>
                  <strong>${label(SEVERITY, f.severity)}:</strong> ${f.technicalMessage ?? f.message}
                </li>`,
            )}
          </ul>`
    }
    ${
      d.location &&
      html`<h4>${t('console.details.location')}</h4>
        <p>${d.location.text ?? d.location.message}</p>`
    }
    ${
      notChecked.length > 0 &&
      html`<h4>${t('console.details.notChecked')}</h4>
        <ul>
          ${notChecked.map((n) => html`<li data-code=${n.code}>${n.text ?? n.reason}</li>`)}
        </ul>`
    }
  </details>`;
}
