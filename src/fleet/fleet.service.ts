import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Verdict } from '../domain/diagnosis';
import { MetricsService } from '../metrics/metrics.service';
import { NodesService, type NodeSummary } from '../nodes/nodes.service';
import { SweepRunner } from '../sweep/sweep-runner';
import { ModemStore } from '../inventory/modem.store';
import { ReadingStore } from '../readings/reading.store';

export interface FleetSummary {
  modems: number;
  checked: number;
  byVerdict: Partial<Record<Verdict, number>>;
  perCmts: {
    cmtsId: string;
    nodes: number;
    modems: number;
    offline: number;
    byVerdict: Partial<Record<Verdict, number>>;
  }[];
  worstNodes: NodeSummary[];
}

const PAGE = 1000;
const WORST = 10;

/** The NOC's fleet view, and the Prometheus gauges built from it at scrape time. */
@Injectable()
export class FleetService implements OnModuleInit {
  constructor(
    @Inject(ModemStore) private readonly modems: ModemStore,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
    private readonly nodes: NodesService,
    private readonly metrics: MetricsService,
    @Inject(SweepRunner) private readonly runner: SweepRunner,
  ) {}

  onModuleInit(): void {
    this.metrics.gaugeAtScrape(
      'linecheck_node_modems',
      'Modems per node by latest verdict (verdict "OFFLINE" counts modems offline at the CMTS).',
      ['cmts', 'node', 'verdict'],
      async (set) => {
        for (const n of await this.nodes.list(undefined, 'id', Number.MAX_SAFE_INTEGER)) {
          for (const [verdict, count] of Object.entries(n.byVerdict)) {
            set({ cmts: n.cmtsId, node: n.serviceGroupId, verdict }, count);
          }
          set({ cmts: n.cmtsId, node: n.serviceGroupId, verdict: 'OFFLINE' }, n.offline);
        }
      },
    );
    this.metrics.gaugeAtScrape(
      'linecheck_sweep_queue_chunks',
      'Sweep chunks waiting and running.',
      ['state'],
      async (set) => {
        const depth = await this.runner.depth();
        set({ state: 'waiting' }, depth.waiting);
        set({ state: 'active' }, depth.active);
      },
    );
  }

  async summary(): Promise<FleetSummary> {
    const byVerdict: FleetSummary['byVerdict'] = {};
    let modems: number;
    let checked = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.modems.listModems(offset, PAGE);
      modems = page.total;
      const verdicts = await this.readings.latestVerdicts(page.items.map((m) => m.id));
      for (const v of verdicts.values()) {
        checked++;
        byVerdict[v.verdict] = (byVerdict[v.verdict] ?? 0) + 1;
      }
      if (page.items.length < PAGE) {
        break;
      }
    }
    const nodes = await this.nodes.list(undefined, 'worst', Number.MAX_SAFE_INTEGER);
    const perCmts = new Map<string, FleetSummary['perCmts'][number]>();
    for (const n of nodes) {
      const c = perCmts.get(n.cmtsId) ?? { cmtsId: n.cmtsId, nodes: 0, modems: 0, offline: 0, byVerdict: {} };
      c.nodes++;
      c.modems += n.modems;
      c.offline += n.offline;
      for (const [verdict, count] of Object.entries(n.byVerdict) as [Verdict, number][]) {
        c.byVerdict[verdict] = (c.byVerdict[verdict] ?? 0) + count;
      }
      perCmts.set(n.cmtsId, c);
    }
    return {
      modems,
      checked,
      byVerdict,
      perCmts: [...perCmts.values()].sort((a, b) => a.cmtsId.localeCompare(b.cmtsId)),
      worstNodes: nodes.slice(0, WORST),
    };
  }
}
