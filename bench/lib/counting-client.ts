import { SnmpClient, type SnmpSession } from '../../src/snmp/snmp-client';
import type { SnmpClientOptions, SnmpTarget } from '../../src/domain/snmp-target';
import type { SnmpVarbind } from '../../src/mib/snmp-value';

/** Tallies the varbinds the poller receives, without touching the production client. */
export class VarbindCounter {
  total = 0;
}

export class CountingSnmpClient extends SnmpClient {
  constructor(
    clientOptions: SnmpClientOptions,
    private readonly counter: VarbindCounter,
  ) {
    super(clientOptions);
  }

  override open(target: SnmpTarget, overrides?: Partial<SnmpClientOptions>): SnmpSession {
    const session = super.open(target, overrides);
    const get = session.get.bind(session);
    const walkColumns = session.walkColumns.bind(session);
    session.get = async (oids) => this.count(await get(oids));
    session.walkColumns = async (columns, limits) => this.count(await walkColumns(columns, limits));
    return session;
  }

  private count(varbinds: SnmpVarbind[]): SnmpVarbind[] {
    this.counter.total += varbinds.length;
    return varbinds;
  }
}
