import type { CmtsRecord } from '../domain/modem-record';

/** The CMTS records (the CMTSes Linecheck walks), in id order. */
export abstract class CmtsStore {
  abstract putCmts(record: CmtsRecord): Promise<void>;
  abstract getCmts(id: string): Promise<CmtsRecord | null>;
  abstract deleteCmts(id: string): Promise<boolean>;
  abstract listCmts(): Promise<CmtsRecord[]>;
}
