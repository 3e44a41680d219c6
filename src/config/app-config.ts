import {
  type CmtsDialect,
  DEFAULT_SCENARIO_MIX,
  type FleetSpec,
  type ModemShape,
  type OfflineRows,
  SCENARIO_NAMES,
  type SimTiming,
  parseShape,
} from './simulator-spec';
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseApiKeys, type ApiKeyRecord } from '../domain/api-key';
import { mergeThresholds } from '../diagnosis/merge-thresholds';
import { DEFAULT_THRESHOLDS, type ThresholdsProfile } from '../domain/thresholds';
import { SUB_KINDS, type SubKind } from '../domain/diagnosis';
import { DEFAULT_DISPATCH_POLICY, type DispatchPolicy } from '../domain/dispatch';
import { isKnownTimeZone } from '../diagnosis/dispatch/visit-calendar';

import type { Lang } from '../domain/language';
import type { SnmpClientOptions } from '../domain/snmp-target';
import { Environment } from './environment';

export interface RetentionPolicy {
  /** Latest reading time-to-live. */
  readingTtlSec: number;
  /** History is kept this long... */
  historyRetentionSec: number;
  /** ...and never more than this many entries per modem. */
  historyMaxEntries: number;
  /** Codeword counter snapshots are kept for the FEC window... */
  counterWindowSec: number;
  /** ...at most one per this spacing, so frequent API polls do not crowd out the window's start. */
  counterSpacingSec: number;
  /** A full poll keeps this many of the modem's newest event log rows, so the stored reading stays small. */
  eventLogRows: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface HttpConfig {
  host: string;
  port: number;
  corsOrigins: string[];
  httpsOnly: boolean;
}

export interface RedisConfig {
  url: string | undefined;
  keyPrefix: string;
}

export interface DiagnosisConfig {
  defaultMaxAgeSec: number;
  thresholds: ThresholdsProfile;
}

export interface CmtsConfig {
  snapshotTtlSec: number;
  discoveryIntervalSec: number;
}

export interface SweepConfig {
  role: 'api' | 'worker' | 'both';
  intervalSec: number;
  /** Start a sweep when the app starts, so verdicts exist before the first interval ends. */
  atStart: boolean;
  chunkSize: number;
  concurrency: number;
  maxAgeSec: number;
  lockSec: number | null;
  perCmtsConcurrency: number;
  spreadShare: number;
  /** Sweep polls per second across all instances, overall and per CMTS; 0 is no limit. */
  ratePerSec: number;
  cmtsRatePerSec: number;
}

export interface AuthConfig {
  /** Keys from API_KEYS (hashes only). None: open access, allowed on loopback only. */
  keys: ApiKeyRecord[];
  ratePerMin: number;
  /** Requests without a valid key per client address and minute; 0 is no limit. */
  unauthenticatedPerMin: number;
  lineTokenRequired: boolean;
  lineTokenTtlSec: number;
  verifyMaxFailures: number;
  verifyLockoutSec: number;
  auditRetentionSec: number;
}

/** The outcome loop: the decision log's retention and the KPIs' windows. */
export interface OutcomesConfig {
  decisionRetentionSec: number;
  resolvedWithoutVisitDays: number;
}

export interface EventsConfig {
  maxStreamsPerKey: number;
  maxStreams: number;
}

export interface ActionsConfig {
  rebootCooldownSec: number;
  rebootTimeoutSec: number;
  rebootPollIntervalMs: number;
}

export interface SimulatorConfig {
  enabled: boolean;
  host: string;
  port: number;
  maxBulkVarbinds: number;
  /** Seed a demo history of calls and visits on a fresh start. */
  seedVisits: boolean;
  fleet: FleetSpec;
  timing: SimTiming;
}

/** The named sections AppConfig is made of. */
export interface AppConfigSections {
  http: HttpConfig;
  logLevel: Environment['LOG_LEVEL'];
  /** The language of texts for people when the request asks for none Linecheck speaks. */
  defaultLanguage: Lang;
  redis: RedisConfig;
  snmp: SnmpClientOptions;
  diagnosis: DiagnosisConfig;
  retention: RetentionPolicy;
  cmts: CmtsConfig;
  sweep: SweepConfig;
  auth: AuthConfig;
  events: EventsConfig;
  actions: ActionsConfig;
  dispatch: DispatchPolicy;
  outcomes: OutcomesConfig;
  simulator: SimulatorConfig;
}

/** Typed configuration, built once from the environment. Inject it; never read process.env elsewhere. */
export class AppConfig implements AppConfigSections {
  readonly http: HttpConfig;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly defaultLanguage: Lang;
  readonly redis: RedisConfig;
  readonly snmp: SnmpClientOptions;
  readonly diagnosis: DiagnosisConfig;
  readonly retention: RetentionPolicy;
  readonly cmts: CmtsConfig;
  readonly sweep: SweepConfig;
  readonly auth: AuthConfig;
  readonly events: EventsConfig;
  readonly actions: ActionsConfig;
  readonly dispatch: DispatchPolicy;
  readonly outcomes: OutcomesConfig;
  readonly simulator: SimulatorConfig;

  constructor(sections: AppConfigSections) {
    this.http = sections.http;
    this.logLevel = sections.logLevel;
    this.defaultLanguage = sections.defaultLanguage;
    this.redis = sections.redis;
    this.snmp = sections.snmp;
    this.diagnosis = sections.diagnosis;
    this.retention = sections.retention;
    this.cmts = sections.cmts;
    this.sweep = sections.sweep;
    this.auth = sections.auth;
    this.events = sections.events;
    this.actions = sections.actions;
    this.dispatch = sections.dispatch;
    this.outcomes = sections.outcomes;
    this.simulator = sections.simulator;
  }
}

/** A parsed value and what was wrong with its variable (nothing: []). */
interface Parsed<T> {
  value: T;
  problems: string[];
}

/** Validates every variable and fails naming each bad one, so a misconfigured start stops at once. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const { e, problems } = validateEnvironment(env);
  const thresholds = parseThresholdsFile(e);
  const scenarioMix = parseScenarioMix(e);
  const shapes = parseModemShapes(e);
  const keys = parseKeys(e);
  const dispatch = parseDispatchPolicy(e);
  problems.push(
    ...thresholds.problems,
    ...scenarioMix.problems,
    ...shapes.problems,
    ...keys.problems,
    ...dispatch.problems,
  );
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }

  return new AppConfig({
    http: httpSection(e),
    logLevel: e.LOG_LEVEL,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    redis: { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    snmp: snmpSection(e),
    diagnosis: { defaultMaxAgeSec: e.DIAGNOSIS_MAX_AGE_SEC, thresholds: thresholds.value },
    retention: retentionSection(e, thresholds.value),
    cmts: { snapshotTtlSec: e.CMTS_SNAPSHOT_TTL_SEC, discoveryIntervalSec: e.DISCOVERY_INTERVAL_SEC },
    sweep: sweepSection(e),
    auth: authSection(e, keys.value),
    events: { maxStreamsPerKey: e.EVENTS_MAX_STREAMS_PER_KEY, maxStreams: e.EVENTS_MAX_STREAMS },
    actions: actionsSection(e),
    dispatch: dispatch.value,
    outcomes: {
      decisionRetentionSec: e.DECISION_RETENTION_DAYS * 86400,
      resolvedWithoutVisitDays: e.KPI_RESOLVED_WITHOUT_VISIT_DAYS,
    },
    simulator: simulatorSection(e, shapes.value, scenarioMix.value),
  });
}

/** The environment as typed variables with their defaults, and a problem per failed constraint. */
function validateEnvironment(env: Record<string, string | undefined>): {
  e: Environment;
  problems: string[];
} {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const e = plainToInstance(Environment, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const problems = validateSync(e, { skipMissingProperties: false }).flatMap((err) =>
    Object.values(err.constraints ?? {}).map(
      (msg) => `${err.property}=${JSON.stringify(raw[err.property] ?? null)}: ${msg}`,
    ),
  );
  return { e, problems };
}

/** THRESHOLDS_FILE merged over the defaults. */
function parseThresholdsFile(e: Environment): Parsed<ThresholdsProfile> {
  if (!e.THRESHOLDS_FILE) {
    return { value: DEFAULT_THRESHOLDS, problems: [] };
  }
  try {
    return {
      value: mergeThresholds(DEFAULT_THRESHOLDS, JSON.parse(readFileSync(e.THRESHOLDS_FILE, 'utf8'))),
      problems: [],
    };
  } catch (error) {
    return {
      value: DEFAULT_THRESHOLDS,
      problems: [
        `THRESHOLDS_FILE=${e.THRESHOLDS_FILE}: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
}

/** "name=weight,..." pairs. */
function parseWeights(text: string): Record<string, number> {
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [name, weight] = pair.split('=');
      return [name, Number(weight)];
    }),
  );
}

/** SIMULATOR_SCENARIO_MIX, whose names must be known scenarios. */
function parseScenarioMix(e: Environment): Parsed<Record<string, number>> {
  if (!e.SIMULATOR_SCENARIO_MIX) {
    return { value: DEFAULT_SCENARIO_MIX, problems: [] };
  }
  const scenarioMix = parseWeights(e.SIMULATOR_SCENARIO_MIX);
  const unknown = Object.keys(scenarioMix).filter((n) => !(SCENARIO_NAMES as readonly string[]).includes(n));
  return {
    value: scenarioMix,
    problems:
      unknown.length > 0
        ? [
            `SIMULATOR_SCENARIO_MIX: unknown scenario ${unknown.join(', ')} (known: ${SCENARIO_NAMES.join(', ')})`,
          ]
        : [],
  };
}

/** SIMULATOR_MODEM_SHAPES: "modemId=generation+QUIRK+...", one problem per shape that does not parse. */
function parseModemShapes(e: Environment): Parsed<Record<string, ModemShape>> {
  const shapes: Record<string, ModemShape> = {};
  const problems: string[] = [];
  for (const pair of e.SIMULATOR_MODEM_SHAPES?.split(',') ?? []) {
    const [id, text = ''] = pair.split('=');
    const shape = parseShape(text);
    if (typeof shape === 'string') {
      problems.push(`SIMULATOR_MODEM_SHAPES: ${id}: ${shape}`);
    } else {
      shapes[id] = shape;
    }
  }
  return { value: shapes, problems };
}

/** API_KEYS; required unless the service listens on loopback only. */
function parseKeys(e: Environment): Parsed<ApiKeyRecord[]> {
  const apiKeys = parseApiKeys(e.API_KEYS ?? '', Date.now());
  const problems = [...apiKeys.problems];
  if (apiKeys.keys.length === 0 && !isLoopback(e.HOST)) {
    problems.push(
      `API_KEYS: required when HOST=${e.HOST} is not loopback (without keys every caller would have every role)`,
    );
  }
  return { value: apiKeys.keys, problems };
}

function parseDispatchPolicy(e: Environment): Parsed<DispatchPolicy> {
  const problems: string[] = [];
  if (!isKnownTimeZone(e.DISPATCH_TIME_ZONE)) {
    problems.push(
      `DISPATCH_TIME_ZONE=${JSON.stringify(e.DISPATCH_TIME_ZONE)}: not an IANA time zone (e.g. Europe/Warsaw)`,
    );
  }
  const kinds = (name: string, raw: string | undefined, fallback: SubKind[]): SubKind[] => {
    if (raw == null) {
      return fallback;
    }
    const list = raw.split(',').map((k) => k.trim());
    const unknown = list.filter((k) => !(SUB_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      problems.push(`${name}: unknown sub-kinds ${unknown.join(', ')} (allowed: ${SUB_KINDS.join(', ')})`);
    }
    return list as SubKind[];
  };
  const d = DEFAULT_DISPATCH_POLICY;
  return {
    value: {
      timeZone: e.DISPATCH_TIME_ZONE,
      sameDayCutoff: e.DISPATCH_SAME_DAY_CUTOFF,
      workingDays: [...new Set(e.DISPATCH_WORKING_DAYS.split(',').map(Number))],
      holidays: e.DISPATCH_HOLIDAYS?.split(',') ?? [],
      outOfService: e.DISPATCH_URGENCY_OUT_OF_SERVICE,
      degraded: e.DISPATCH_URGENCY_DEGRADED,
      unconfirmed: e.DISPATCH_URGENCY_UNCONFIRMED,
      outOfServiceSubKinds: kinds(
        'DISPATCH_OUT_OF_SERVICE_KINDS',
        e.DISPATCH_OUT_OF_SERVICE_KINDS,
        d.outOfServiceSubKinds,
      ),
      hardFaultSubKinds: kinds('DISPATCH_HARD_FAULT_KINDS', e.DISPATCH_HARD_FAULT_KINDS, d.hardFaultSubKinds),
      confirmWindowHours: e.DISPATCH_CONFIRM_WINDOW_HOURS,
      recheckAfterSec: e.DISPATCH_RECHECK_AFTER_SEC,
    },
    problems,
  };
}

/** SIMULATOR_CMTS: "cmtsId=dialect[/offlineRows],...". */
function parseCmtsSettings(e: Environment): FleetSpec['cmts'] {
  return Object.fromEntries(
    (e.SIMULATOR_CMTS ?? '')
      .split(',')
      .filter((pair) => pair !== '')
      .map((pair) => {
        const [id, setting] = pair.split('=');
        const [dialect, offlineRows] = setting.split('/') as [CmtsDialect, OfflineRows | undefined];
        return [id, { dialect, ...(offlineRows ? { offlineRows } : {}) }];
      }),
  );
}

function httpSection(e: Environment): HttpConfig {
  return {
    host: e.HOST,
    port: e.PORT,
    corsOrigins: e.CORS_ORIGINS.split(',').filter((o) => o !== ''),
    httpsOnly: e.HTTPS_ONLY,
  };
}

function snmpSection(e: Environment): SnmpClientOptions {
  return {
    timeoutMs: e.SNMP_TIMEOUT_MS,
    retries: e.SNMP_RETRIES,
    maxRepetitions: e.SNMP_MAX_REPETITIONS,
    walkDeadlineMs: e.SNMP_WALK_DEADLINE_MS,
    probeTimeoutMs: e.SNMP_PROBE_TIMEOUT_MS,
    client: e.SNMP_CLIENT,
    sockets: e.SNMP_CLIENT_SOCKETS,
  };
}

function retentionSection(e: Environment, thresholds: ThresholdsProfile): RetentionPolicy {
  return {
    readingTtlSec: e.READING_TTL_SEC,
    historyRetentionSec: e.HISTORY_RETENTION_SEC,
    historyMaxEntries: e.HISTORY_MAX_ENTRIES,
    counterWindowSec: thresholds.codewords.windowMinutes * 60,
    counterSpacingSec: e.COUNTER_SNAPSHOT_SPACING_SEC,
    eventLogRows: e.EVENT_LOG_ROWS,
  };
}

function sweepSection(e: Environment): SweepConfig {
  return {
    role: e.INSTANCE_ROLE as 'api' | 'worker' | 'both',
    intervalSec: e.SWEEP_INTERVAL_SEC,
    atStart: e.SWEEP_AT_START ?? e.SIMULATOR_ENABLED,
    chunkSize: e.SWEEP_CHUNK_SIZE,
    concurrency: e.SWEEP_CONCURRENCY,
    maxAgeSec: e.SWEEP_MAX_AGE_SEC,
    lockSec: e.SWEEP_LOCK_SEC ?? null,
    perCmtsConcurrency: e.SWEEP_CMTS_CONCURRENCY,
    spreadShare: e.SWEEP_SPREAD_SHARE,
    ratePerSec: e.SWEEP_RATE_PER_SEC,
    cmtsRatePerSec: e.SWEEP_CMTS_RATE_PER_SEC,
  };
}

function authSection(e: Environment, keys: ApiKeyRecord[]): AuthConfig {
  return {
    keys,
    ratePerMin: e.RATE_LIMIT_PER_MIN,
    unauthenticatedPerMin: e.UNAUTHENTICATED_RATE_PER_MIN,
    lineTokenRequired: e.LINE_TOKEN_REQUIRED,
    lineTokenTtlSec: e.LINE_TOKEN_TTL_SEC,
    verifyMaxFailures: e.VERIFY_MAX_FAILURES,
    verifyLockoutSec: e.VERIFY_LOCKOUT_SEC,
    auditRetentionSec: e.AUDIT_RETENTION_SEC,
  };
}

function actionsSection(e: Environment): ActionsConfig {
  return {
    rebootCooldownSec: e.REBOOT_COOLDOWN_SEC,
    rebootTimeoutSec: e.REBOOT_TIMEOUT_SEC,
    rebootPollIntervalMs: e.REBOOT_POLL_INTERVAL_MS,
  };
}

function simulatorSection(
  e: Environment,
  shapes: Record<string, ModemShape>,
  scenarioMix: Record<string, number>,
): SimulatorConfig {
  return {
    enabled: e.SIMULATOR_ENABLED,
    host: e.SIMULATOR_HOST,
    port: e.SIMULATOR_PORT,
    maxBulkVarbinds: e.SIMULATOR_MAX_BULK_VARBINDS,
    seedVisits: e.SIMULATOR_SEED_VISITS,
    fleet: {
      size: e.SIMULATOR_MODEMS,
      docsis31Share: e.SIMULATOR_DOCSIS31_SHARE,
      v3Share: e.SIMULATOR_V3_SHARE,
      docsis20Share: e.SIMULATOR_DOCSIS20_SHARE,
      quirkShare: e.SIMULATOR_QUIRK_SHARE,
      shapes,
      scenarioMix,
      seed: e.SIMULATOR_SEED,
      idPrefix: 'sim-cm-',
      firstIndex: e.SIMULATOR_FIRST_INDEX,
      serviceGroupSize: e.SIMULATOR_SERVICE_GROUP_SIZE,
      serviceGroupsPerCmts: e.SIMULATOR_SERVICE_GROUPS_PER_CMTS,
      cmtsDialectMix: parseWeights(e.SIMULATOR_CMTS_DIALECT_MIX),
      cmts: parseCmtsSettings(e),
    },
    timing: {
      rebootDownSec: e.SIMULATOR_REBOOT_DOWN_SEC,
      selfRebootPeriodSec: e.SIMULATOR_SELF_REBOOT_SEC ?? null,
    },
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** For entry points: print what is wrong with the configuration and exit 2, instead of a stack trace. */
export function loadConfigOrExit(env: Record<string, string | undefined>): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
