import { DEFAULT_DISPATCH_POLICY } from '../domain/dispatch';
import { decideDispatch } from '../diagnosis/dispatch/decide-dispatch';
import { textbookReading } from '../diagnosis/test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { dispatchSentence } from './next-steps';

const FRI_10 = Date.parse('2026-12-04T09:00:00Z');

function dispatchFor(verdict: 'LINE_FAULT' | 'PLANT_OUTAGE', confirmed: boolean) {
  return decideDispatch({
    diagnosis: {
      verdict,
      action: verdict === 'LINE_FAULT' ? 'DISPATCH_TECHNICIAN' : 'ESCALATE_TO_NOC',
      subKinds: [verdict === 'LINE_FAULT' ? 'EXCESSIVE_UNCORRECTABLES' : 'SERVICE_GROUP_OUTAGE'],
      findings: [
        {
          code: verdict === 'LINE_FAULT' ? 'EXCESSIVE_UNCORRECTABLES' : 'SERVICE_GROUP_OUTAGE',
          severity: 'FAULT',
          observed: 0.01,
          limit: 0.001,
          unit: '%',
          message: '',
        },
      ],
    },
    reading: textbookReading({ observedAt: FRI_10 }),
    history: confirmed ? [{ at: FRI_10 - 600_000, reachable: true, verdict }] : [],
    node: { cmtsId: 'cmts-1', groupKey: '1000.2' },
    thresholds: DEFAULT_THRESHOLDS,
    policy: DEFAULT_DISPATCH_POLICY,
    now: FRI_10,
    recheckAt: confirmed ? null : FRI_10 + 120_000,
  });
}

describe('dispatchSentence', () => {
  it('says whom, how soon, whether confirmed, and whether a slot today is realistic', () => {
    expect(dispatchSentence(dispatchFor('LINE_FAULT', true))).toBe(
      'Technician: a same-day visit by an install technician; fault confirmed (seen on 2 readings, continuous); ' +
        'a slot today is realistic (before 13:30, Europe/Warsaw). ' +
        'First: MEASURE_AT_ENTRY_POINT, CHECK_DROP_AND_GROUND_BLOCK. Bring: CONNECTORS, SPLITTER, DROP_CABLE.',
    );
    expect(dispatchSentence(dispatchFor('LINE_FAULT', false))).toBe(
      'Technician: the next available visit by an install technician; not confirmed yet (one reading): Linecheck ' +
        'checks again at 2026-12-04T09:02:00.000Z; earliest visit 2026-12-05 (not urgent enough for today, ' +
        'Europe/Warsaw). First: MEASURE_AT_ENTRY_POINT, CHECK_DROP_AND_GROUND_BLOCK. Bring: CONNECTORS, SPLITTER, ' +
        'DROP_CABLE.',
    );
  });

  it('sends nobody into an outage and names its ticket', () => {
    expect(dispatchSentence(dispatchFor('PLANT_OUTAGE', true))).toBe(
      'Technician: no house call (the NOC handles it). It belongs to outage cmts-1/1000.2: one ticket for the node.',
    );
  });
});
