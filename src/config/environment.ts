import 'reflect-metadata';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { VISIT_URGENCIES, type VisitUrgency } from '../domain/dispatch';
import { DEFAULT_EVENT_LOG_ROWS } from '../domain/modem-reading';
import { LANGS, type Lang } from '../domain/language';
import { SNMP_CLIENT_KINDS, type SnmpClientKind } from '../domain/snmp-target';
import { REDIS_URL_PATTERN } from './redis-url';

// Reads the raw string: implicit conversion would already have turned "false" into true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
  const raw = obj[key];
  return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
};

/** Every environment variable Linecheck reads, with its default. Validated once at boot. */
export class Environment {
  @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsString() HOST: string = '127.0.0.1';
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL: string = 'log';
  @IsIn(LANGS, { message: `DEFAULT_LANGUAGE must be one of ${LANGS.join(', ')}` })
  DEFAULT_LANGUAGE: Lang = 'en';
  /** Browser origins allowed to call the API from another site (comma-separated). Empty: CORS off. */
  @Matches(/^(https?:\/\/[\w.:[\]-]+)?(,https?:\/\/[\w.:[\]-]+)*$/, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://noc.example.net',
  })
  CORS_ORIGINS: string = '';

  /** One Redis, or a Redis Cluster's seed nodes (redis+cluster://host:port,host:port): see redis-url.ts. */
  @IsOptional()
  @Matches(REDIS_URL_PATTERN, {
    message:
      'REDIS_URL must look like redis://host:port[/db], or redis+cluster://host:port[,host:port…] for a Redis ' +
      'Cluster (rediss:// and rediss+cluster:// for TLS)',
  })
  REDIS_URL?: string;
  @Matches(/^[\w:.-]{0,64}$/, { message: 'REDIS_KEY_PREFIX may hold letters, digits, _ : . - (max 64)' })
  REDIS_KEY_PREFIX: string = 'linecheck:';

  @IsInt() @Min(50) @Max(60000) SNMP_TIMEOUT_MS: number = 2000;
  @IsInt() @Min(0) @Max(5) SNMP_RETRIES: number = 1;
  @IsInt() @Min(1) @Max(100) SNMP_MAX_REPETITIONS: number = 16;
  /** A table walk sends no new request after this long. 0: twice SNMP_TIMEOUT_MS × (SNMP_RETRIES + 1). */
  @ValidateIf((e: Environment) => e.SNMP_WALK_DEADLINE_MS !== 0)
  @IsInt()
  @Min(100, { message: 'SNMP_WALK_DEADLINE_MS must be 0 (automatic) or at least 100' })
  @Max(600000)
  SNMP_WALK_DEADLINE_MS: number = 0;
  /** One try of this long asks a modem its CMTS has no row for whether it answers, before it is called silent. */
  @IsInt() @Min(50) @Max(60000) SNMP_PROBE_TIMEOUT_MS: number = 500;
  /** lean: v2c reads over the service's own shared UDP sockets and BER codec; net-snmp: a net-snmp session per poll. */
  @IsIn(SNMP_CLIENT_KINDS, { message: `SNMP_CLIENT must be one of ${SNMP_CLIENT_KINDS.join(', ')}` })
  SNMP_CLIENT: SnmpClientKind = 'lean';
  @IsInt() @Min(1) @Max(64) SNMP_CLIENT_SOCKETS: number = 4;

  @IsInt() @Min(0) @Max(86400) DIAGNOSIS_MAX_AGE_SEC: number = 60;

  /** The field force's IANA time zone: same-day slots and working days are counted in it. */
  @IsString() DISPATCH_TIME_ZONE: string = 'Europe/Warsaw';
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'DISPATCH_SAME_DAY_CUTOFF must be HH:MM, 00:00 to 23:59' })
  DISPATCH_SAME_DAY_CUTOFF: string = '13:30';
  @Matches(/^[1-7](,[1-7])*$/, {
    message: 'DISPATCH_WORKING_DAYS must be ISO weekdays 1 (Monday) to 7 (Sunday), comma-separated',
  })
  DISPATCH_WORKING_DAYS: string = '1,2,3,4,5,6';
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/, {
    message: 'DISPATCH_HOLIDAYS must be dates YYYY-MM-DD, comma-separated',
  })
  DISPATCH_HOLIDAYS?: string;
  @IsIn(VISIT_URGENCIES, {
    message: `DISPATCH_URGENCY_OUT_OF_SERVICE must be one of ${VISIT_URGENCIES.join(', ')}`,
  })
  DISPATCH_URGENCY_OUT_OF_SERVICE: VisitUrgency = 'SAME_DAY';
  @IsIn(VISIT_URGENCIES, {
    message: `DISPATCH_URGENCY_DEGRADED must be one of ${VISIT_URGENCIES.join(', ')}`,
  })
  DISPATCH_URGENCY_DEGRADED: VisitUrgency = 'NEXT_AVAILABLE';
  @IsIn(VISIT_URGENCIES, {
    message: `DISPATCH_URGENCY_UNCONFIRMED must be one of ${VISIT_URGENCIES.join(', ')}`,
  })
  DISPATCH_URGENCY_UNCONFIRMED: VisitUrgency = 'NEXT_AVAILABLE';
  /** Sub-kinds, comma-separated; unset: the defaults of src/domain/dispatch.ts. */
  @IsOptional() @IsString() DISPATCH_OUT_OF_SERVICE_KINDS?: string;
  @IsOptional() @IsString() DISPATCH_HARD_FAULT_KINDS?: string;
  @IsInt() @Min(1) @Max(168) DISPATCH_CONFIRM_WINDOW_HOURS: number = 24;
  /** An unconfirmed fault found by a call-centre check is polled again after this long; 0: never. */
  @IsInt() @Min(0) @Max(86400) DISPATCH_RECHECK_AFTER_SEC: number = 120;
  @IsOptional() @IsString() THRESHOLDS_FILE?: string;

  @IsInt() @Min(1) READING_TTL_SEC: number = 86400;
  @IsInt() @Min(3600) HISTORY_RETENTION_SEC: number = 8 * 86400;
  @IsInt() @Min(10) @Max(100000) HISTORY_MAX_ENTRIES: number = 1000;
  @IsInt() @Min(1) COUNTER_SNAPSHOT_SPACING_SEC: number = 600;
  /** A call-centre check keeps this many of the modem's newest event log rows in the stored reading. */
  @IsInt() @Min(1) @Max(1000) EVENT_LOG_ROWS: number = DEFAULT_EVENT_LOG_ROWS;

  @IsInt() @Min(1) @Max(3600) CMTS_SNAPSHOT_TTL_SEC: number = 60;
  @IsInt() @Min(0) DISCOVERY_INTERVAL_SEC: number = 900;

  @IsIn(['api', 'worker', 'both']) INSTANCE_ROLE: string = 'both';
  @IsInt() @Min(0) SWEEP_INTERVAL_SEC: number = 900;
  /** Sweep once at start (when SWEEP_INTERVAL_SEC > 0). Unset: on with the simulator, off without it. */
  @IsOptional() @Transform(toBool) @IsBoolean() SWEEP_AT_START?: boolean;
  @IsInt() @Min(1) @Max(10000) SWEEP_CHUNK_SIZE: number = 100;
  @IsInt() @Min(1) @Max(1000) SWEEP_CONCURRENCY: number = 16;
  @IsInt() @Min(0) @Max(86400) SWEEP_MAX_AGE_SEC: number = 300;
  @IsInt() @Min(1) @Max(10000) SWEEP_CMTS_CONCURRENCY: number = 32;
  @IsNumber() @Min(0) @Max(1) SWEEP_SPREAD_SHARE: number = 0.8;
  @IsNumber() @Min(0) @Max(100000) SWEEP_RATE_PER_SEC: number = 0;
  @IsNumber() @Min(0) @Max(100000) SWEEP_CMTS_RATE_PER_SEC: number = 0;
  /** How long a worker holds a chunk before others may take it over (it renews while alive). */
  @IsOptional() @IsInt() @Min(1) @Max(3600) SWEEP_LOCK_SEC?: number;

  /** `name:role+role:secret` or `name:role+role:sha256:<hex>`, comma-separated. Never echoed in errors. */
  @IsOptional() @IsString() API_KEYS?: string;
  @IsInt() @Min(0) @Max(1_000_000) RATE_LIMIT_PER_MIN: number = 600;
  /** Requests without a valid key per client address and minute before 429 (0: no limit). */
  @IsInt() @Min(0) @Max(1_000_000) UNAUTHENTICATED_RATE_PER_MIN: number = 120;
  /** Live event streams (GET /events) open at once, per API key and in all (per instance). */
  @IsInt() @Min(1) @Max(100_000) EVENTS_MAX_STREAMS_PER_KEY: number = 20;
  @IsInt() @Min(1) @Max(100_000) EVENTS_MAX_STREAMS: number = 500;
  /**
   * The service is reached over HTTPS only (TLS in front of it): browsers are told so (HSTS,
   * upgrade-insecure-requests). Off by default, so a dashboard opened over plain HTTP loads.
   */
  @Transform(toBool) @IsBoolean() HTTPS_ONLY: boolean = false;
  @Transform(toBool) @IsBoolean() LINE_TOKEN_REQUIRED: boolean = true;
  @IsInt() @Min(30) @Max(86400) LINE_TOKEN_TTL_SEC: number = 900;
  @IsInt() @Min(1) @Max(100) VERIFY_MAX_FAILURES: number = 5;
  @IsInt() @Min(1) @Max(86400) VERIFY_LOCKOUT_SEC: number = 900;
  @IsInt() @Min(0) @Max(86400) REBOOT_COOLDOWN_SEC: number = 600;
  @IsInt() @Min(5) @Max(3600) REBOOT_TIMEOUT_SEC: number = 300;
  @IsInt() @Min(100) @Max(60000) REBOOT_POLL_INTERVAL_MS: number = 5000;
  @IsInt() @Min(3600) AUDIT_RETENTION_SEC: number = 90 * 86400;
  /** How long line checks' dispatch decisions are kept for the outcome KPIs (the "calls" data set). */
  @IsInt() @Min(1) @Max(3650) DECISION_RETENTION_DAYS: number = 400;
  /** A call whose decision sent nobody counts as resolved when no visit to its modem follows within these days. */
  @IsInt() @Min(1) @Max(365) KPI_RESOLVED_WITHOUT_VISIT_DAYS: number = 7;

  @Transform(toBool) @IsBoolean() SIMULATOR_ENABLED: boolean = false;
  /** On a fresh start (no visits stored in the last 60 days), give the simulated fleet a plausible visit history. */
  @Transform(toBool) @IsBoolean() SIMULATOR_SEED_VISITS: boolean = true;
  @IsString() SIMULATOR_HOST: string = '127.0.0.1';
  @IsInt() @Min(0) @Max(65535) SIMULATOR_PORT: number = 16100;
  @IsInt() @Min(1) @Max(200000) SIMULATOR_MODEMS: number = 200;
  @IsInt() @Min(0) @Max(10_000_000) SIMULATOR_FIRST_INDEX: number = 0;
  @IsInt() @Min(0) SIMULATOR_SEED: number = 42;
  @IsNumber() @Min(0) @Max(1) SIMULATOR_DOCSIS31_SHARE: number = 0.5;
  @IsNumber() @Min(0) @Max(1) SIMULATOR_V3_SHARE: number = 0.1;
  @IsNumber() @Min(0) @Max(1) SIMULATOR_DOCSIS20_SHARE: number = 0.05;
  @IsNumber() @Min(0) @Max(1) SIMULATOR_QUIRK_SHARE: number = 0.1;
  @IsOptional()
  @Matches(/^[\w-]+=[\w.+]+(,[\w-]+=[\w.+]+)*$/, {
    message: 'SIMULATOR_MODEM_SHAPES must look like sim-cm-00001=2.0,sim-cm-00002=3.0+NO_US_STATUS_TABLE',
  })
  SIMULATOR_MODEM_SHAPES?: string;
  @IsInt() @Min(1) @Max(2000) SIMULATOR_SERVICE_GROUP_SIZE: number = 40;
  @IsInt() @Min(1) @Max(1000) SIMULATOR_SERVICE_GROUPS_PER_CMTS: number = 2;
  @Matches(/^(docsis30|rfc4546|blind)=\d+(\.\d+)?(,(docsis30|rfc4546|blind)=\d+(\.\d+)?)*$/, {
    message:
      'SIMULATOR_CMTS_DIALECT_MIX must look like docsis30=7,rfc4546=2,blind=1 (dialects: docsis30, rfc4546, blind)',
  })
  SIMULATOR_CMTS_DIALECT_MIX: string = 'docsis30=7,rfc4546=2,blind=1';
  @IsOptional()
  @Matches(
    /^[A-Za-z0-9._:-]+=(docsis30|rfc4546|blind)(\/(stay|vanish))?(,[A-Za-z0-9._:-]+=(docsis30|rfc4546|blind)(\/(stay|vanish))?)*$/,
    {
      message:
        'SIMULATOR_CMTS must look like sim-cmts-2=rfc4546,sim-cmts-3=blind/vanish (dialect docsis30, rfc4546 or ' +
        'blind; offline rows stay or vanish)',
    },
  )
  SIMULATOR_CMTS?: string;
  @IsOptional()
  @Matches(/^[A-Z0-9_]+=\d+(\.\d+)?(,[A-Z0-9_]+=\d+(\.\d+)?)*$/, {
    message: 'SIMULATOR_SCENARIO_MIX must look like TEXTBOOK=60,LOW_DS_POWER_FAULT=2',
  })
  SIMULATOR_SCENARIO_MIX?: string;
  @IsNumber() @Min(0) @Max(600) SIMULATOR_REBOOT_DOWN_SEC: number = 5;
  @IsOptional() @IsNumber() @Min(0.1) SIMULATOR_SELF_REBOOT_SEC?: number;
  @IsInt() @Min(10) @Max(10000) SIMULATOR_MAX_BULK_VARBINDS: number = 200;
}
