// @ts-check
import { t } from '../i18n.js';
import { verdictLabel } from './texts.js';

/**
 * "Yesterday it worked": when the line was last textbook and when the trouble started, from the timeline's verdict
 * changes (newest first).
 * @param {import('./types.js').Verdict} verdict the line's verdict now
 * @param {import('./types.js').Timeline} timeline
 */
export function historyText(verdict, timeline) {
  const changes = timeline.events.filter((e) => e.kind === 'VERDICT_CHANGED');
  const from = timeline.coveredFrom ? new Date(timeline.coveredFrom) : null;
  if (verdict === 'TEXTBOOK_OK') {
    const back = changes.find((e) => e.to === 'TEXTBOOK_OK');
    if (back) {
      return t('console.history.okSince', { at: new Date(back.at), verdict: verdictLabel(back.from ?? '') });
    }
    return from ? t('console.history.alwaysOk', { from }) : t('console.history.unknown');
  }
  const broke = changes.find((e) => e.from === 'TEXTBOOK_OK');
  if (broke) {
    return t('console.history.troubleSince', {
      at: new Date(broke.at),
      verdict: verdictLabel(broke.to ?? ''),
    });
  }
  return from ? t('console.history.neverOk', { from }) : t('console.history.unknown');
}
