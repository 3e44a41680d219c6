import type { CmtsModemRow } from '../telemetry/cmts-reading';
import { inSubKindOrder, onlineAtCmts } from './rule-helpers';
import type { CmtsRowGrader } from './rule-helpers';
import { cmtsPartialServiceFindings } from './rules/cmts-partial-service.rule';
import { lowUsSnrFindings } from './rules/low-us-snr.rule';
import { usRxOffsetFindings } from './rules/us-rx-offset.rule';
import type { ThresholdsProfile } from './thresholds';
import type { Finding, SubKind } from './types';

const CMTS_ROW_GRADERS: readonly CmtsRowGrader[] = [
  usRxOffsetFindings,
  lowUsSnrFindings,
  cmtsPartialServiceFindings,
];

/** What the CMTS rules find on a row; nothing for a row the CMTS does not have online, as in the rules. */
export function cmtsRowFindings(
  row: CmtsModemRow,
  setPointDbmv: number,
  thresholds: ThresholdsProfile,
): Finding[] {
  if (!onlineAtCmts(row.regState)) {
    return [];
  }
  return CMTS_ROW_GRADERS.flatMap((grade) => grade(row, setPointDbmv, thresholds));
}

/** The distinct FAULT sub-kinds of a row, in SUB_KINDS order: what neighbours are counted by for NODE_WIDE. */
export function cmtsRowFaultKinds(
  row: CmtsModemRow,
  setPointDbmv: number,
  thresholds: ThresholdsProfile,
): SubKind[] {
  return inSubKindOrder(
    cmtsRowFindings(row, setPointDbmv, thresholds)
      .filter((f) => f.severity === 'FAULT')
      .map((f) => f.code),
  );
}
