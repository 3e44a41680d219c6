import type { ModemReading, PollDetail } from '../domain/modem-reading';
import type { SnmpTarget } from '../domain/snmp-target';

/** The port through which a line check reads a modem (snmp/SnmpModemPoller). Never throws for an unreachable modem. */
export abstract class ModemPoller {
  /**
   * The modem's fast-poll set (and with `full`, what only a call-centre check reads) as a reading; an unreachable or
   * misbehaving modem is a reading too.
   */
  abstract poll(modemId: string, target: SnmpTarget, detail?: PollDetail): Promise<ModemReading>;
  /** Whether the modem answers one short request at all. */
  abstract answers(target: SnmpTarget, timeoutMs: number): Promise<boolean>;
  /** Asks the modem to reset itself (an SNMP SET); throws when the agent refuses or does not answer. */
  abstract reset(target: SnmpTarget): Promise<void>;
}
