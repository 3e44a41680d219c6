import type { CmtsModemRow, CmtsSnapshot } from '../domain/cmts-reading';
import type { SnmpTarget } from '../domain/snmp-target';

/** What a snapshot reads beyond the modem rows, as the CMTS's record says. */
export interface CmtsWalkOptions {
  /** Each modem's upstream pre-equalisation (docsIf3CmtsCmUsStatusEqData) and the CMTS's upstream channels. */
  usEqData: boolean;
}

/** The port through which the CMTS service reads a CMTS (snmp/SnmpCmtsPoller). Never throws. */
export abstract class CmtsPoller {
  /** Every modem's row, with what the CMTS could not give named in the snapshot. */
  abstract snapshot(cmtsId: string, target: SnmpTarget, options?: CmtsWalkOptions): Promise<CmtsSnapshot>;
  /** One modem's current row with a single GET, or null when the CMTS has none for it. */
  abstract row(target: SnmpTarget, known: CmtsModemRow): Promise<CmtsModemRow | null>;
}
