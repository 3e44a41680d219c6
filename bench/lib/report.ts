import { availableParallelism, cpus } from 'node:os';
import type { BenchOptions } from './args';
import { summarizeLatencies, type LatencySummary } from './latency';
import type { PollRunResult } from './poll-run';
import type { MemoryFigures } from './proc-stats';
import type { ReadyLine } from './simulator-process';

export interface ProcessFigures extends MemoryFigures {
  cpuMs: number;
}

export interface ProcessReport extends ProcessFigures {
  cpuPctOfWall: number;
  cpuMsPerPoll: number;
}

export interface BenchResult {
  config: BenchOptions;
  machine: { cpus: number; cpuModel: string; node: string };
  wallMs: number;
  pollsPerSec: number;
  reachable: number;
  unreachable: number;
  unreachablePct: number;
  errors: Record<string, number>;
  latencyMs: LatencySummary;
  varbindsPerPoll: number;
  poller: ProcessReport & { diagnoseMsPerPoll: number };
  simulator: ProcessReport & { buildMs: number; modems: number };
  /** CPU that other processes on the machine used during the run, in % of one core: a noisy-neighbour check. */
  otherProcessesCpuPct: number;
}

export interface BenchMeasurements {
  options: BenchOptions;
  ready: ReadyLine;
  run: PollRunResult;
  poller: ProcessFigures;
  simulator: ProcessFigures;
  machineBusyMs: number;
}

export function buildResult(m: BenchMeasurements): BenchResult {
  const { run } = m;
  const perProcess = (p: ProcessFigures): ProcessReport => ({
    ...p,
    cpuPctOfWall: (100 * p.cpuMs) / run.wallMs,
    cpuMsPerPoll: p.cpuMs / run.polls,
  });
  return {
    config: m.options,
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    wallMs: run.wallMs,
    pollsPerSec: (1000 * run.polls) / run.wallMs,
    reachable: run.reachable,
    unreachable: run.unreachable,
    unreachablePct: (100 * run.unreachable) / run.polls,
    errors: Object.fromEntries(run.errors),
    latencyMs: summarizeLatencies(run.latenciesMs),
    varbindsPerPoll: run.varbinds / run.polls,
    poller: { ...perProcess(m.poller), diagnoseMsPerPoll: run.diagnoseMs / run.polls },
    simulator: { ...perProcess(m.simulator), buildMs: m.ready.buildMs, modems: m.ready.modems },
    otherProcessesCpuPct: otherCpuPct(m),
  };
}

function otherCpuPct(m: BenchMeasurements): number {
  // Clock-tick granularity can push the difference slightly below zero on a quiet machine.
  const otherMs = Math.max(0, m.machineBusyMs - m.poller.cpuMs - m.simulator.cpuMs);
  return (100 * otherMs) / m.run.wallMs;
}

export function formatTable(r: BenchResult): string {
  const c = r.config;
  const l = r.latencyMs;
  const lines = [
    'Linecheck poll benchmark (poll + diagnose against the standalone simulator, SNMP v2c over UDP)',
    row('config', `${c.modems} modems, ${c.polls} polls (+${c.warmup} warmup), concurrency ${c.concurrency}`),
    row('', `max-repetitions ${c.maxRepetitions}, timeout ${c.timeoutMs} ms, retries ${c.retries}`),
    row('machine', `${r.machine.cpus} x ${r.machine.cpuModel}, node ${r.machine.node}`),
    '',
    row('wall time', `${fixed(r.wallMs / 1000, 3)} s`),
    row('throughput', `${fixed(r.pollsPerSec, 1)} polls/s`),
    row('reachable', `${r.reachable} / ${c.polls}`),
    row('unreachable', `${r.unreachable} (${fixed(r.unreachablePct, 2)}%)`),
    row(
      'latency ms',
      `p50 ${fixed(l.p50, 2)}  p95 ${fixed(l.p95, 2)}  p99 ${fixed(l.p99, 2)}  max ${fixed(l.max, 2)}`,
    ),
    row('', `mean ${fixed(l.mean, 2)}`),
    row('varbinds / poll', fixed(r.varbindsPerPoll, 1)),
    '',
    row('', cell('poller'), cell('simulator')),
    row('CPU % of wall', cell(fixed(r.poller.cpuPctOfWall, 1)), cell(fixed(r.simulator.cpuPctOfWall, 1))),
    row('CPU ms / poll', cell(fixed(r.poller.cpuMsPerPoll, 3)), cell(fixed(r.simulator.cpuMsPerPoll, 3))),
    row('peak RSS MB', cell(fixed(r.poller.peakRssMb, 1)), cell(fixed(r.simulator.peakRssMb, 1))),
    row('RSS at end MB', cell(fixed(r.poller.rssMb, 1)), cell(fixed(r.simulator.rssMb, 1))),
    row('diagnose ms / poll', cell(fixed(r.poller.diagnoseMsPerPoll, 3)), cell('-')),
    row('build ms', cell('-'), cell(String(r.simulator.buildMs))),
    row(
      'other processes',
      `${fixed(r.otherProcessesCpuPct, 1)}% of one core (machine has ${r.machine.cpus} cores)`,
    ),
    ...formatErrors(r.errors),
  ];
  return lines.join('\n');
}

export function formatResultLine(r: BenchResult): string {
  return `RESULT ${JSON.stringify(r, (_key, value: unknown) => (typeof value === 'number' ? round(value) : value))}`;
}

function formatErrors(errors: Record<string, number>): string[] {
  const entries = Object.entries(errors).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) {
    return [];
  }
  return [
    '',
    'errors (count, message):',
    ...entries.map(([message, count]) => `  ${String(count).padStart(7)}  ${message}`),
  ];
}

function row(label: string, ...cells: string[]): string {
  return `  ${label.padEnd(20)}${cells.join('')}`.trimEnd();
}

function cell(text: string): string {
  return text.padEnd(14);
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000;
}
