import { SnmpClient, SnmpSession } from '../../src/snmp/snmp-client';
import type { SnmpClientOptions, SnmpTarget } from '../../src/domain/snmp-target';
import type { SnmpVarbind } from '../../src/mib/snmp-value';

/** Tallies the varbinds the poller receives, without touching the production client. */
export class VarbindCounter {
  total = 0;
}

export class CountingSnmpClient extends SnmpClient {
  constructor(
    private readonly clientOptions: SnmpClientOptions,
    private readonly counter: VarbindCounter,
  ) {
    super(clientOptions);
  }

  override open(target: SnmpTarget): SnmpSession {
    return new CountingSnmpSession(target, this.clientOptions, this.counter);
  }
}

class CountingSnmpSession extends SnmpSession {
  constructor(
    target: SnmpTarget,
    options: SnmpClientOptions,
    private readonly counter: VarbindCounter,
  ) {
    super(target, options);
  }

  override async get(oids: readonly string[]): Promise<SnmpVarbind[]> {
    return this.count(await super.get(oids));
  }

  override async walkColumns(columns: readonly string[]): Promise<SnmpVarbind[]> {
    return this.count(await super.walkColumns(columns));
  }

  private count(varbinds: SnmpVarbind[]): SnmpVarbind[] {
    this.counter.total += varbinds.length;
    return varbinds;
  }
}
