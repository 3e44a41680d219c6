import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics. Labels stay bounded: outcome, source, verdict, CMTS and node ids; never a modem id.

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly polls = new Counter({
    name: 'linecheck_polls_total',
    help: 'Modem checks that needed fresh data, by outcome (reachable, unreachable, offline_at_cmts).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly pollSeconds = new Histogram({
    name: 'linecheck_snmp_poll_duration_seconds',
    help: 'Wall time of one modem fast poll over SNMP.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [this.registry],
  });

  readonly diagnoses = new Counter({
    name: 'linecheck_diagnoses_total',
    help: 'Diagnoses answered, by source: live poll or cached reading (the cache hit ratio).',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly verdicts = new Counter({
    name: 'linecheck_verdicts_total',
    help: 'Verdicts given after a live poll, by verdict.',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
  });

  readonly sweepModems = new Counter({
    name: 'linecheck_sweep_modems_total',
    help: 'Modems checked by sweep chunks on this instance, by result (ok, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly sweepSeconds = new Histogram({
    name: 'linecheck_sweep_duration_seconds',
    help: 'Duration of finished sweeps observed by this instance.',
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600],
    registers: [this.registry],
  });

  readonly visits = new Counter({
    name: 'linecheck_visits_total',
    help: 'Field visits recorded (duplicates of an external id not counted), by what the technician found.',
    labelNames: ['found'] as const,
    registers: [this.registry],
  });

  readonly sweepProgress = new Gauge({
    name: 'linecheck_sweep_progress_ratio',
    help: 'Share of the latest sweep counted so far (0..1).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'linecheck_' });
    // prom-client names these gauges `_total`, a suffix Prometheus keeps for counters (promtool refuses them).
    // Each is the sum of the same metric without the suffix, which is kept by type: sum() gives it back.
    for (const kind of ['handles', 'requests', 'resources']) {
      this.registry.removeSingleMetric(`linecheck_nodejs_active_${kind}_total`);
    }
  }

  /** A gauge whose value is read at scrape time (fleet and node views, queue depth). */
  gaugeAtScrape<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (set: (labels: Record<L, string>, value: number) => void) => Promise<void>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await read((labels, value) => this.set(labels, value));
      },
    });
  }
}
