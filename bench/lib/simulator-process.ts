import { SCENARIO_NAMES } from '../../src/config/simulator-spec';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 300_000;
const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_CHARS = 4_000;

/** Scenarios that make modems deliberately unreachable for a while: they would count as failed polls. */
const UNREACHABLE_SCENARIOS = new Set([
  'OFFLINE',
  'FLAPPING_DEVICE_REBOOTS',
  'MGMT_UNREACHABLE',
  'STUCK_INITIAL_RANGING',
]);

export interface ReadyLine {
  ready: true;
  host: string;
  port: number;
  modems: number;
  buildMs: number;
}

export interface SimulatorSpec {
  modems: number;
  seed: number;
  /** Serve modems firstIndex.. of a larger fleet (several simulator processes). */
  firstIndex?: number;
}

/**
 * The fleet shape every benchmark measures, the same in the simulator processes and in the service that registers
 * their modems (a topology that differs between the two puts modems on CMTSes that have no row for them): the
 * topology and DOCS-IF3 CMTSes of the figures before CMTS dialects and modem generations existed.
 */
export const BENCH_FLEET_ENV = {
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '8',
  SIMULATOR_CMTS_DIALECT_MIX: 'docsis30=1',
  SIMULATOR_DOCSIS20_SHARE: '0',
  SIMULATOR_QUIRK_SHARE: '0',
} as const;

/** Every scenario that keeps answering: TEXTBOOK=60, each other one 1. */
export function benchScenarioMix(): string {
  return SCENARIO_NAMES.filter((name) => !UNREACHABLE_SCENARIOS.has(name))
    .map((name) => `${name}=${name === 'TEXTBOOK' ? 60 : 1}`)
    .join(',');
}

/** The standalone simulator (src/simulator/standalone.ts) as a child process behind a real UDP agent. */
export class SimulatorProcess {
  private stderrTail = '';

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      const text = this.stderrTail + chunk;
      this.stderrTail = text.length > STDERR_TAIL_CHARS ? text.slice(-STDERR_TAIL_CHARS) : text;
    });
  }

  /** Spawns the simulator; await waitForReady() before polling it. */
  static spawn(spec: SimulatorSpec): SimulatorProcess {
    const child = spawn(
      process.execPath,
      [
        // BENCH_SIM_PROFILE=<dir>: a V8 CPU profile of the simulator, written there when it exits.
        ...(process.env.BENCH_SIM_PROFILE
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SIM_PROFILE}`]
          : []),
        '-r',
        'ts-node/register/transpile-only',
        'src/simulator/standalone.ts',
      ],
      {
        cwd: PROJECT_ROOT,
        env: simulatorEnv(spec),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return new SimulatorProcess(child);
  }

  get pid(): number {
    if (this.child.pid === undefined) {
      throw new Error('simulator has no pid');
    }
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last few kB the simulator wrote to stderr, for error reports. */
  get stderr(): string {
    return this.stderrTail;
  }

  async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), STOP_GRACE_MS);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Synchronous last resort, usable from a process 'exit' handler. */
  kill(): void {
    if (this.running) {
      this.child.kill('SIGKILL');
    }
  }

  /** Resolves with the ready line; rejects if the simulator exits or stays silent too long. */
  async waitForReady(): Promise<ReadyLine> {
    const timeout = AbortSignal.timeout(READY_TIMEOUT_MS);
    const exited = once(this.child, 'exit', { signal: timeout }).then(([code, signal]) => {
      throw new Error(`simulator exited before ready (code ${String(code)}, signal ${String(signal)})`);
    });
    // Once ready (or failed), a late exit or the timeout must not surface as an unhandled rejection.
    exited.catch(() => undefined);
    try {
      return await Promise.race([this.readReadyLine(), exited]);
    } catch (error) {
      const reason = timeout.aborted ? `not ready within ${READY_TIMEOUT_MS} ms` : errorMessage(error);
      throw new Error(`simulator: ${reason}\n${this.stderrTail}`, { cause: error });
    }
  }

  private async readReadyLine(): Promise<ReadyLine> {
    const stdout = this.child.stdout;
    if (!stdout) {
      throw new Error('stdout is not piped');
    }
    try {
      for await (const line of createInterface({ input: stdout })) {
        const ready = parseReadyLine(line);
        if (ready) {
          return ready;
        }
      }
    } finally {
      // Keep draining stdout so that a chatty simulator never blocks on a full pipe.
      stdout.resume();
    }
    throw new Error('stdout closed before the ready line');
  }
}

function simulatorEnv(spec: SimulatorSpec): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SIMULATOR_MODEMS: String(spec.modems),
    SIMULATOR_FIRST_INDEX: String(spec.firstIndex ?? 0),
    SIMULATOR_PORT: '0',
    SIMULATOR_HOST: '127.0.0.1',
    SIMULATOR_SEED: String(spec.seed),
    SIMULATOR_V3_SHARE: '0',
    SIMULATOR_SCENARIO_MIX: benchScenarioMix(),
    ...BENCH_FLEET_ENV,
    // A self-reboot period inherited from the caller's environment would take modems offline mid-run.
    SIMULATOR_SELF_REBOOT_SEC: undefined,
  };
}

function parseReadyLine(line: string): ReadyLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as Partial<Record<keyof ReadyLine, unknown>>;
  const ok =
    v.ready === true &&
    typeof v.host === 'string' &&
    typeof v.port === 'number' &&
    typeof v.modems === 'number' &&
    typeof v.buildMs === 'number';
  return ok ? (value as ReadyLine) : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
