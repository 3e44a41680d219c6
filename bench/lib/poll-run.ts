import { diagnose } from '../../src/diagnosis/diagnose';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';
import type { ModemPoller } from '../../src/checks/modem-poller';
import type { PollDetail } from '../../src/domain/modem-reading';
import type { VarbindCounter } from './counting-client';

export interface FleetEndpoint {
  host: string;
  port: number;
  modems: number;
}

export interface PollRunResult {
  polls: number;
  wallMs: number;
  latenciesMs: Float64Array;
  reachable: number;
  unreachable: number;
  errors: Map<string, number>;
  varbinds: number;
  diagnoseMs: number;
}

/** Polls simulated modems in order (cycling over the fleet) with a fixed number of polls in flight. */
export class PollRunner {
  constructor(
    private readonly poller: ModemPoller,
    private readonly fleet: FleetEndpoint,
    private readonly varbinds: VarbindCounter,
    private readonly detail: PollDetail = 'fast',
  ) {}

  async run(polls: number, concurrency: number): Promise<PollRunResult> {
    const result = emptyResult(polls);
    const varbindsBefore = this.varbinds.total;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < polls) {
        const index = next++;
        await this.pollOne(index, result);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(concurrency, polls) }, worker));
    result.wallMs = performance.now() - started;
    result.varbinds = this.varbinds.total - varbindsBefore;
    return result;
  }

  private async pollOne(index: number, result: PollRunResult): Promise<void> {
    const modemId = modemIdFor(index % this.fleet.modems);
    const started = performance.now();
    const reading = await this.poller.poll(
      modemId,
      {
        host: this.fleet.host,
        port: this.fleet.port,
        credentials: { version: '2c', community: modemId },
      },
      this.detail,
    );
    result.latenciesMs[index] = performance.now() - started;

    const diagnoseStarted = performance.now();
    diagnose({ reading, history: [], counterBaseline: null, thresholds: DEFAULT_THRESHOLDS });
    result.diagnoseMs += performance.now() - diagnoseStarted;

    if (reading.reachable) {
      result.reachable++;
    } else {
      result.unreachable++;
      result.errors.set(reading.error, (result.errors.get(reading.error) ?? 0) + 1);
    }
  }
}

/** The simulator's ids: sim-cm-00001 for the first modem. */
export function modemIdFor(zeroBasedIndex: number): string {
  return `sim-cm-${String(zeroBasedIndex + 1).padStart(5, '0')}`;
}

function emptyResult(polls: number): PollRunResult {
  return {
    polls,
    wallMs: 0,
    latenciesMs: new Float64Array(polls),
    reachable: 0,
    unreachable: 0,
    errors: new Map(),
    varbinds: 0,
    diagnoseMs: 0,
  };
}
