import { randomBytes } from 'node:crypto';
import type { RetentionPolicy } from '../../src/config/app-config';
import type { CounterSnapshot, Diagnosis, HistoryEntry } from '../../src/domain/diagnosis';
import type { ModemReading } from '../../src/domain/modem-reading';
import type { ModemRecord } from '../../src/domain/modem-record';
import { RedisConnection } from '../../src/store/redis-connection';
import { RedisSpace } from '../../src/store/redis/redis-space';
import { testRedisClusterUrl, testRedisUrl } from '../support/test-app';

// The store contract suites run every store on three backends: in process, one Redis and a 3-master Redis Cluster
// (real servers, started by the test command: TEST_REDIS_URL, TEST_REDIS_CLUSTER_URL), each Redis run under a key
// prefix of its own. On the cluster a multi-key command, MULTI or script over keys of two slots fails (CROSSSLOT),
// so the contract also holds the key layout to its hash tags.

/** A backend for one test: `space` is the Redis keyspace, or undefined for the in-process twins. */
export interface Backend {
  kind: 'memory' | 'redis' | 'redis-cluster';
  space: RedisSpace | undefined;
  close(): Promise<void>;
}

function redisBackend(kind: 'redis' | 'redis-cluster', url: () => string): () => Promise<Backend> {
  return async () => {
    const connection = new RedisConnection(url(), `contract-${randomBytes(4).toString('hex')}:`);
    await connection.connect();
    return {
      kind,
      space: new RedisSpace(connection.client, connection.prefix),
      close: () => connection.close(),
    };
  };
}

export const BACKENDS: [string, () => Promise<Backend>][] = [
  ['memory', () => Promise.resolve({ kind: 'memory', space: undefined, close: () => Promise.resolve() })],
  ['redis', redisBackend('redis', testRedisUrl)],
  ['redis-cluster', redisBackend('redis-cluster', testRedisClusterUrl)],
];

export const retention: RetentionPolicy = {
  readingTtlSec: 60,
  historyRetentionSec: 3600,
  historyMaxEntries: 5,
  counterWindowSec: 600,
  counterSpacingSec: 120,
  eventLogRows: 50,
};

export const diagnosis: Diagnosis = {
  verdict: 'TEXTBOOK_OK',
  subKinds: [],
  action: 'CHECK_CUSTOMER_EQUIPMENT',
  summary: 'ok',
  findings: [],
  notChecked: [],
};

export function record(id: string): ModemRecord {
  return {
    id,
    host: '127.0.0.1',
    port: 161,
    snmp: { version: '2c', community: 'secret' },
    createdAt: 1,
    updatedAt: 1,
  };
}

export function reading(id: string, at: number): ModemReading {
  return {
    reachable: true,
    modemId: id,
    observedAt: at,
    latencyMs: 3,
    sysDescr: 'x',
    uptimeSec: 100,
    docsisVersion: '3.0',
    status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
    downstream: [
      {
        ifIndex: 3,
        channelId: 1,
        frequencyHz: 1,
        modulation: 'qam256',
        locked: true,
        powerDbmv: 0,
        snrDb: 40,
        unerrored: 18_446_744_073_709_551_000n,
        corrected: 1n,
        uncorrectable: 0n,
      },
    ],
    upstream: [],
    ofdm: [],
    ofdma: [],
    cpes: [],
    cpeMacs: [],
  };
}

export function entry(at: number): HistoryEntry {
  return {
    at,
    reachable: true,
    uptimeSec: at / 1000,
    statusValue: 12,
    resets: 0,
    t3: 1,
    t4: 0,
    t3Exceeded: 0,
    verdict: 'MARGINAL',
    cmtsRegState: 8,
    lastRegAt: at - 86_400_000,
  };
}

export function counters(at: number): CounterSnapshot {
  return {
    at,
    uptimeSec: 5,
    ds: [{ ifIndex: 3, unerrored: 2n ** 63n, corrected: 1n, uncorrectable: 2n }],
    ofdm: [],
  };
}
