import { cmtsRowRule } from '../rule-helpers';
import type { CmtsRowGrader } from '../rule-helpers';
import type { Finding } from '../../domain/diagnosis';

const PARTIAL_SVC_NONE = 2;
const DS_ONLY_IMPAIRED = 3;
const US_ONLY_IMPAIRED = 4;
const DS_AND_US_IMPAIRED = 5;

/**
 * docsIf31CmtsCmRegStatusPartialSvcState (§2.7): the CMTS dropped impaired channels from the modem's bonding group.
 * other(1) says nothing either way, and DOCSIS 3.0 CMTSs (null) do not report it.
 */
export const cmtsPartialServiceFindings: CmtsRowGrader = (row) => {
  const state = row.partialSvcState;
  if (state == null) {
    return [];
  }
  const findings: Finding[] = [];
  const push = (code: Finding['code'], direction: string): void => {
    findings.push({
      code,
      severity: 'FAULT',
      observed: state,
      limit: PARTIAL_SVC_NONE,
      unit: 'state',
      message:
        `The network reports some of this modem's ${direction} channels as impaired, so it is running on ` +
        `fewer ${direction} channels than it should.`,
    });
  };
  if (state === DS_ONLY_IMPAIRED || state === DS_AND_US_IMPAIRED) {
    push('PARTIAL_SERVICE_DS', 'downstream');
  }
  if (state === US_ONLY_IMPAIRED || state === DS_AND_US_IMPAIRED) {
    push('PARTIAL_SERVICE_US', 'upstream');
  }
  return findings;
};

export const cmtsPartialServiceRule = cmtsRowRule(cmtsPartialServiceFindings);
