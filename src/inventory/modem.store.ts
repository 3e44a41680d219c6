import type { ModemRecord } from '../domain/modem-record';

/** The modem inventory with its indexes: by MAC, by customer number, by last known node (group) per CMTS. */
export abstract class ModemStore {
  abstract putModem(record: ModemRecord): Promise<void>;
  abstract getModem(id: string): Promise<ModemRecord | null>;
  /** Removes the record and its index entries (its readings are the ReadingStore's: forgetModem). */
  abstract deleteModem(id: string): Promise<boolean>;
  /** Modems in id order. */
  abstract listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }>;
  abstract getModems(ids: readonly string[]): Promise<ModemRecord[]>;
  abstract modemIdByMac(mac: string): Promise<string | null>;
  /** Modems whose customer record carries this (normalised) customer number. */
  abstract modemIdsByCustomer(customerNumber: string): Promise<string[]>;
  /** Modems whose last known membership is this group of this CMTS. */
  abstract groupMembers(cmtsId: string, group: string): Promise<string[]>;
  /** Groups with at least one member on this CMTS. */
  abstract groups(cmtsId: string): Promise<string[]>;
}
