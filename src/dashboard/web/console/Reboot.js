// @ts-check
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { verdictLabel } from './texts.js';

/** How often a running reboot is asked about: the modem takes tens of seconds, the service polls it every 5 s. */
const FOLLOW_MS = 2000;

/** @typedef {import('./types.js').RemoteAction} RemoteAction */

/**
 * The remote reboot (only for a key with the right): started with the line token, followed until it ends, then
 * the line's fresh verdict, announced.
 * @param {{ api: import('../api.js').AgentApi, line: import('./types.js').Line,
 *   diagnosis: import('./types.js').ConsoleDiagnosis,
 *   reload: (how?: { fresh?: boolean, quiet?: boolean }) => Promise<import('./types.js').ConsoleDiagnosis|null> }} props
 */
export function Reboot({ api, line, diagnosis, reload }) {
  const announce = useAnnounce();
  const [action, setAction] = useState(/** @type {RemoteAction|null} */ (null));
  const [status, setStatus] = useState(/** @type {{ text: string, state: string }|null} */ (null));
  const running = action != null && action.state !== 'done' && action.state !== 'failed';

  /** @param {string} text @param {string} state */
  const say = (text, state) => {
    setStatus({ text, state });
    announce(text);
  };

  const start = async () => {
    if (running) {
      return;
    }
    try {
      const started = /** @type {RemoteAction} */ (
        await api.post(
          `/modems/${encodeURIComponent(line.modemId)}/reboot`,
          { reason: `agent console: ${diagnosis.verdict} (${diagnosis.action}), customer consents` },
          line.lineToken,
        )
      );
      setAction(started);
      say(t('console.reboot.resetting'), 'resetting');
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      say(
        status === 409
          ? t('console.reboot.busy')
          : status === 403
            ? t('console.reboot.refused')
            : t('console.reboot.error', { error: error instanceof Error ? error.message : String(error) }),
        'refused',
      );
    }
  };

  // Follow the action until it ends: one request every FOLLOW_MS, none once it is done or the view is gone.
  useEffect(() => {
    if (!action || !running) {
      return undefined;
    }
    let gone = false;
    const timer = setTimeout(async () => {
      try {
        const next = /** @type {RemoteAction} */ (
          await api.get(`/actions/${encodeURIComponent(action.id)}`, line.lineToken)
        );
        if (gone) {
          return;
        }
        if (next.state === 'waiting_for_modem' && action.state !== 'waiting_for_modem') {
          say(t('console.reboot.waiting'), 'waiting_for_modem');
        }
        if (next.state === 'failed') {
          say(t('console.reboot.failed', { error: next.error ?? '' }), 'failed');
        }
        if (next.state === 'done') {
          // The action's follow-up diagnosed the modem: the line's answer now is that fresh reading.
          const fresh = await reload({ quiet: true });
          if (!gone) {
            say(
              t('console.reboot.done', {
                verdict: verdictLabel(fresh?.verdict ?? next.outcome?.verdict ?? ''),
              }),
              'done',
            );
          }
        }
        setAction(next);
      } catch (error) {
        if (!gone) {
          say(
            t('console.reboot.error', { error: error instanceof Error ? error.message : String(error) }),
            'failed',
          );
          setAction(null);
        }
      }
    }, FOLLOW_MS);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [action]);

  return html`<div class="block reboot" data-testid="reboot">
    <h3>${t('console.reboot.title')}</h3>
    <p>${t('console.reboot.help')}</p>
    <button
      type="button"
      data-testid="reboot-button"
      aria-disabled=${running ? 'true' : 'false'}
      onClick=${start}
    >
      ${t('console.reboot.button')}
    </button>
    <p class="reboot-status" data-testid="reboot-status" data-state=${status?.state ?? 'idle'}>
      ${status?.text ?? ''}
    </p>
  </div>`;
}
