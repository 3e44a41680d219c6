import { Roles } from '../auth/roles.decorator';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { CmtsIdParam, NodeParams } from '../api/dto/cmts.dto';
import { LatencyDto, ModemIdParam, PageQuery, ScenarioDto } from '../api/dto/modem.dto';
import { SimulatorService } from './simulator.service';

@Controller('api/v1/simulator')
@Roles('operator')
export class SimulatorController {
  constructor(private readonly simulator: SimulatorService) {}

  @Get('scenarios')
  scenarios() {
    return { items: this.simulator.scenarios() };
  }

  @Get('stats')
  stats() {
    return { snmpPort: this.simulator.snmpPort, ...this.simulator.stats() };
  }

  @Get('modems')
  list(@Query() q: PageQuery) {
    return this.simulator.list(q.offset, q.limit);
  }

  @Get('modems/:id')
  get(@Param() { id }: ModemIdParam) {
    return this.simulator.get(id);
  }

  @Put('modems/:id/scenario')
  setScenario(@Param() { id }: ModemIdParam, @Body() body: ScenarioDto) {
    return this.simulator.setScenario(id, body.scenario);
  }

  @Put('modems/:id/latency')
  setLatency(@Param() { id }: ModemIdParam, @Body() body: LatencyDto) {
    return this.simulator.setResponseDelay(id, body.responseDelayMs);
  }

  @Get('nodes')
  nodes() {
    return { items: this.simulator.nodes(), scenarios: this.simulator.nodeScenarios() };
  }

  @Put('nodes/:cmtsId/:serviceGroupId/scenario')
  setNodeScenario(@Param() p: NodeParams, @Body() body: ScenarioDto) {
    return this.simulator.setNodeScenario(p.cmtsId, p.serviceGroupId, body.scenario);
  }

  @Get('cmts/:id/requests')
  cmtsRequests(@Param() { id }: CmtsIdParam) {
    return { cmtsId: id, requests: this.simulator.cmtsRequests(id) };
  }
}
