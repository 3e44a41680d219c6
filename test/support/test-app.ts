import { ConsoleLogger, type INestApplication, type LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/app-config';

export type StoreKind = 'memory' | 'redis' | 'redis-cluster';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The Redis the test command started for this run (scripts/run-tests.mjs); never the machine's own. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_URL is not set: run the tests with `npm test`, which starts a private redis-server',
    );
  }
  return url;
}

/** The 3-master Redis Cluster the test command started for this run on loopback (redis+cluster://…). */
export function testRedisClusterUrl(): string {
  const url = process.env.TEST_REDIS_CLUSTER_URL;
  if (!url) {
    throw new Error(
      'TEST_REDIS_CLUSTER_URL is not set: run the tests with `npm test`, which starts a private Redis Cluster',
    );
  }
  return url;
}

/** Boots the whole service (simulator on) on free ports, against the chosen store. */
export async function startTestApp(
  store: StoreKind,
  env: Record<string, string> = {},
  logger: LoggerService | false = false,
): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SIMULATOR_ENABLED: 'true',
    // A demo visit history would change every suite's outcome figures: only where a test asks for it.
    SIMULATOR_SEED_VISITS: 'false',
    SIMULATOR_PORT: '0',
    SIMULATOR_MODEMS: '40',
    // The topology and dialect the suites were written for: one DOCS-IF3 CMTS per 8 nodes.
    SIMULATOR_SERVICE_GROUPS_PER_CMTS: '8',
    SIMULATOR_CMTS_DIALECT_MIX: 'docsis30=1',
    SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    SIMULATOR_V3_SHARE: '0.25',
    // DOCSIS 2.0 modems and quirks only where a test chooses them (SIMULATOR_MODEM_SHAPES).
    SIMULATOR_DOCSIS20_SHARE: '0',
    SIMULATOR_QUIRK_SHARE: '0',
    SIMULATOR_REBOOT_DOWN_SEC: '0.4',
    SIMULATOR_SELF_REBOOT_SEC: '1.2',
    SNMP_TIMEOUT_MS: '400',
    SNMP_RETRIES: '0',
    // Tests start their own sweeps; one at start would add readings and history they do not expect.
    SWEEP_AT_START: 'false',
    ...(store === 'memory'
      ? {}
      : {
          REDIS_URL: store === 'redis' ? testRedisUrl() : testRedisClusterUrl(),
          REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
        }),
    ...env,
  });
  const app = await startApp(config, { logger });
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  return { app, config, http: () => request(server), close: () => app.close() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every log line the app writes, for tests that check what never appears in logs. */
export class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];

  constructor() {
    super('test', { logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] });
  }

  protected override printMessages(messages: unknown[], context = '', logLevel = 'log'): void {
    for (const m of messages) {
      this.lines.push(
        `${logLevel} [${context}] ${m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m)}`,
      );
    }
  }

  protected override printStackTrace(stack: string): void {
    this.lines.push(stack);
  }
}
