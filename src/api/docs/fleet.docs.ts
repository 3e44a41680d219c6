import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FLEET_SUMMARY_EXAMPLE, FleetSummaryResponse } from '../dto/sweep.response';
import { ApiDocs, ApiStoreErrors } from '../openapi.decorators';

const PROMETHEUS_EXAMPLE = `# HELP linecheck_polls_total Modem checks that needed fresh data, by outcome (reachable, unreachable, offline_at_cmts).
# TYPE linecheck_polls_total counter
linecheck_polls_total{outcome="reachable"} 41
linecheck_polls_total{outcome="offline_at_cmts"} 2

# HELP linecheck_diagnoses_total Diagnoses answered, by source: live poll or cached reading (the cache hit ratio).
# TYPE linecheck_diagnoses_total counter
linecheck_diagnoses_total{source="live"} 43
linecheck_diagnoses_total{source="cache"} 117

# HELP linecheck_node_modems Modems per node by latest verdict (verdict "OFFLINE" counts modems offline at the CMTS).
# TYPE linecheck_node_modems gauge
linecheck_node_modems{cmts="sim-cmts-1",node="1000.1",verdict="TEXTBOOK_OK"} 29
linecheck_node_modems{cmts="sim-cmts-1",node="1000.1",verdict="LINE_FAULT"} 6
linecheck_node_modems{cmts="sim-cmts-1",node="1000.1",verdict="OFFLINE"} 0
`;

/** The OpenAPI description of FleetController's routes, one decorator per route. */
export const FleetDocs = {
  summary: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Fleet summary',
        description:
          'The NOC’s fleet view: modems, how many have a verdict, counts by verdict, per CMTS (nodes, modems, ' +
          'offline, verdicts) and the 10 worst nodes.',
      }),
      ApiOkResponse({ type: FleetSummaryResponse, example: FLEET_SUMMARY_EXAMPLE }),
      ApiStoreErrors(),
    ),
  prometheus: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Prometheus metrics',
        description:
          'For the NOC’s Prometheus: polls by outcome, SNMP poll latency, diagnoses by source (the cache hit ratio), ' +
          'verdicts, sweep modems, duration and progress, sweep queue depth, modems per node by verdict, and ' +
          'process metrics. Labels are bounded (CMTS, node, verdict), never one per modem.',
      }),
      ApiOkResponse({
        description: 'Prometheus text exposition format 0.0.4.',
        content: {
          'text/plain; version=0.0.4; charset=utf-8': {
            schema: { type: 'string' },
            example: PROMETHEUS_EXAMPLE,
          },
        },
      }),
      ApiStoreErrors(),
    ),
};
