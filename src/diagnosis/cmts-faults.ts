import type { CmtsModemRow } from '../domain/cmts-reading';
import { inSubKindOrder } from './rule-helpers';
import type { CmtsRowGrader } from './rule-helpers';
import { cmtsPartialServiceFindings } from './rules/cmts-partial-service.rule';
import { lowUsSnrFindings } from './rules/low-us-snr.rule';
import { usRxOffsetFindings } from './rules/us-rx-offset.rule';
import type { ThresholdsProfile } from '../domain/thresholds';
import type { Finding, SubKind } from '../domain/diagnosis';

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
  if (!row.state.online) {
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

/** The value a row's enumeration calls online: operational(8) in CmtsCmRegState, registrationComplete(6) in RFC 4546. */
function onlineValue(row: CmtsModemRow): number {
  return row.state.source === 'rfc4546' ? 6 : 8;
}

/**
 * The CMTS refused the modem (RFC 4546 accessDenied(7)) or forwards none of its traffic (CmtsCmRegState
 * forwardingDisabled(17)): a back-office matter whatever the line looks like. Null for any other state.
 */
export function cmtsProvisioningFinding(row: CmtsModemRow, cmtsId: string): Finding | null {
  const { state } = row;
  if (!state.accessDenied && !state.forwardingDisabled) {
    return null;
  }
  return {
    code: state.accessDenied ? 'ACCESS_DENIED' : 'FORWARDING_DISABLED',
    severity: 'FAULT',
    observed: state.value ?? 0,
    limit: onlineValue(row),
    unit: 'state',
    message: state.accessDenied
      ? `The network (${cmtsId}) refused this modem's registration (${state.name}): the account or configuration ` +
        'is refused by the back office.'
      : `The network (${cmtsId}) has the modem registered but forwards none of its traffic (${state.name}): the ` +
        'account or configuration is refused by the back office.',
  };
}

/** INFO: the CMTS shows no modem table, so nothing about this modem or its node comes from the headend. */
export function cmtsNoEvidenceFinding(cmtsId: string, missing: readonly string[]): Finding {
  const what = missing.length > 0 ? ` (no rows in ${missing.join(', ')})` : '';
  return {
    code: 'CMTS_NO_EVIDENCE',
    severity: 'INFO',
    observed: 0,
    limit: 1,
    unit: 'state',
    message:
      `The CMTS ${cmtsId} exposes no modem table${what}, so the headend gave no evidence about this modem or ` +
      'its neighbours: this rests on the modem alone, and whether its node is affected is unknown.',
  };
}
