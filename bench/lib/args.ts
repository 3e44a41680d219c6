import { parseArgs } from 'node:util';
import { POLL_DETAILS, type PollDetail } from '../../src/domain/modem-reading';

export interface BenchOptions {
  modems: number;
  concurrency: number;
  polls: number;
  warmup: number;
  maxRepetitions: number;
  timeoutMs: number;
  retries: number;
  seed: number;
  /** fast: what sweeps read; full: what a call-centre check reads. */
  detail: PollDetail;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm run bench -- [options]
  --modems N            simulated modems (default 1000)
  --concurrency C       polls in flight (default 16)
  --polls P             measured polls, cycling over the fleet (default = modems: one sweep)
  --warmup W            unmeasured polls before the run (default 200)
  --max-repetitions R   GETBULK max-repetitions (default 16)
  --timeout-ms T        SNMP timeout per request (default 2000)
  --retries N           SNMP retries per request (default 1, as the service)
  --seed S              simulator seed (default 42)
  --detail D            fast (what sweeps read, default) or full (what a call-centre check reads)`;

const INTEGER_FLAGS = [
  'modems',
  'concurrency',
  'polls',
  'warmup',
  'max-repetitions',
  'timeout-ms',
  'retries',
  'seed',
] as const;
type Flag = (typeof INTEGER_FLAGS)[number];
const FLAGS = [...INTEGER_FLAGS, 'detail'] as const;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const values = readFlags(argv);
  const int = (flag: Flag, fallback: number, min: number): number => toInt(flag, values[flag], fallback, min);
  const modems = int('modems', 1000, 1);
  return {
    modems,
    concurrency: int('concurrency', 16, 1),
    polls: int('polls', modems, 1),
    warmup: int('warmup', 200, 0),
    maxRepetitions: int('max-repetitions', 16, 1),
    timeoutMs: int('timeout-ms', 2000, 1),
    retries: int('retries', 1, 0),
    seed: int('seed', 42, 0),
    detail: toDetail(values.detail),
  };
}

function toDetail(raw: string | undefined): PollDetail {
  if (raw === undefined) {
    return 'fast';
  }
  if (!(POLL_DETAILS as readonly string[]).includes(raw)) {
    throw new UsageError(`--detail must be one of ${POLL_DETAILS.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as PollDetail;
}

function readFlags(argv: readonly string[]): Partial<Record<(typeof FLAGS)[number], string>> {
  const options = Object.fromEntries(FLAGS.map((flag) => [flag, { type: 'string' }])) as Record<
    (typeof FLAGS)[number],
    { type: 'string' }
  >;
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs reports unknown flags and missing values as TypeErrors: surface them as usage errors.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function toInt(flag: Flag, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${flag} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
