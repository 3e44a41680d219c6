import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../common/app-errors';
import { normalizeCustomerNumber } from './customer-number';
import type { SnmpCredentials } from '../domain/snmp-target';
import { ReadingStore } from '../readings/reading.store';
import { CmtsStore } from './cmts.store';
import { ModemStore } from './modem.store';
import { MAC_NOTATIONS_HINT, normalizeMac } from './mac-address';
import { sortServices, type CustomerRecord, type ModemRecord } from '../domain/modem-record';

export interface ModemInput {
  host: string;
  port?: number;
  snmp: SnmpCredentials;
  mac?: string;
  cmtsId?: string;
  customer?: CustomerRecord;
}

/** What the API shows of a modem: everything but its SNMP secrets. */
export interface ModemView {
  id: string;
  host: string;
  port: number;
  snmp: { version: '2c' } | { version: '3'; user: string; authProtocol: string; privProtocol: string };
  mac?: string;
  cmtsId?: string;
  customer?: CustomerRecord;
  createdAt: string;
  updatedAt: string;
}

@Injectable()
export class InventoryService {
  constructor(
    @Inject(ModemStore) private readonly modems: ModemStore,
    @Inject(CmtsStore) private readonly cmtses: CmtsStore,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
  ) {}

  async put(
    id: string,
    input: ModemInput,
    now = Date.now(),
  ): Promise<{ created: boolean; modem: ModemView }> {
    const mac = input.mac == null ? undefined : normalizeMac(input.mac);
    if (mac === null) {
      throw new InvalidInputError('mac', `must be ${MAC_NOTATIONS_HINT}`);
    }
    // A modem on an unknown CMTS would be told "the problem is at this home" while its CMTS is never read.
    if (input.cmtsId && !(await this.cmtses.getCmts(input.cmtsId))) {
      throw new InvalidInputError(
        'cmtsId',
        `unknown CMTS ${input.cmtsId}: register it first (PUT /api/v1/cmts/${input.cmtsId})`,
      );
    }
    const existing = await this.modems.getModem(id);
    const record: ModemRecord = {
      id,
      host: input.host,
      port: input.port ?? 161,
      snmp: input.snmp,
      ...(mac ? { mac } : {}),
      ...(input.cmtsId ? { cmtsId: input.cmtsId } : {}),
      ...(input.customer ? { customer: customerRecord(input.customer) } : {}),
      ...(existing?.membership && existing.membership.cmtsId === input.cmtsId
        ? { membership: existing.membership }
        : {}),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.modems.putModem(record);
    return { created: !existing, modem: toView(record) };
  }

  async record(id: string): Promise<ModemRecord> {
    const record = await this.modems.getModem(id);
    if (!record) {
      throw new NotFoundError(`unknown modem ${id}`);
    }
    return record;
  }

  async get(id: string): Promise<ModemView> {
    return toView(await this.record(id));
  }

  /** Deletes the modem and everything kept about it (latest reading, history, snapshots, verdict). */
  async delete(id: string): Promise<void> {
    await this.readings.forgetModem(id);
    if (!(await this.modems.deleteModem(id))) {
      throw new NotFoundError(`unknown modem ${id}`);
    }
  }

  async list(offset: number, limit: number): Promise<{ total: number; offset: number; items: ModemView[] }> {
    const page = await this.modems.listModems(offset, limit);
    return { total: page.total, offset, items: page.items.map(toView) };
  }
}

/**
 * The customer as stored: the number as verification compares it ("c-100 200" and "C100200" are the same customer),
 * services in CUSTOMER_SERVICES order, and no `services` at all when none are given (not known).
 */
function customerRecord(input: CustomerRecord): CustomerRecord {
  const { services, ...rest } = input;
  return {
    ...rest,
    customerNumber: normalizeCustomerNumber(input.customerNumber),
    ...(services != null && services.length > 0 && { services: sortServices(services) }),
  };
}

function toView(r: ModemRecord): ModemView {
  const snmp: ModemView['snmp'] =
    r.snmp.version === '2c'
      ? { version: '2c' }
      : {
          version: '3',
          user: r.snmp.user,
          authProtocol: r.snmp.authProtocol,
          privProtocol: r.snmp.privProtocol,
        };
  return {
    id: r.id,
    host: r.host,
    port: r.port,
    snmp,
    ...(r.mac ? { mac: r.mac } : {}),
    ...(r.cmtsId ? { cmtsId: r.cmtsId } : {}),
    ...(r.customer ? { customer: r.customer } : {}),
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}
