import type { Diagnosis } from '../domain/diagnosis';
import type { Dispatch } from '../domain/dispatch';
import type { DecisionRecord } from '../domain/visit';

/** What the decision log keeps of a line check's answer: its verdict, what sent it, where and whom. */
export function toDecisionRecord(
  modemId: string,
  observedAt: number,
  diagnosis: Pick<Diagnosis, 'verdict' | 'subKinds' | 'findings' | 'location'>,
  dispatch: Dispatch,
): DecisionRecord {
  const findings: DecisionRecord['findings'] = [];
  for (const f of diagnosis.findings) {
    if (f.severity !== 'INFO' && !findings.some((g) => g.code === f.code && g.severity === f.severity)) {
      findings.push({ code: f.code, severity: f.severity });
    }
  }
  return {
    modemId,
    at: observedAt,
    verdict: diagnosis.verdict,
    subKinds: [...diagnosis.subKinds],
    findings,
    place: diagnosis.location?.place ?? null,
    dispatch: {
      needed: dispatch.needed,
      urgency: dispatch.urgency,
      skill: dispatch.skill,
      confirmed: dispatch.confirmation.confirmed,
    },
  };
}
