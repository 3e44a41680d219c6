import { Roles } from '../auth/roles.decorator';
import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CmtsIdParam, NodeParams } from './dto/cmts.dto';
import { LatencyDto, ModemIdParam, PageQuery, ScenarioDto } from './dto/modem.dto';
import { SimulatorService } from '../simulator/simulator.service';
import { SimulatorDocs } from './docs/simulator.docs';

@ApiTags('simulator')
@Controller('api/v1/simulator')
@Roles('operator')
export class SimulatorController {
  constructor(private readonly simulator: SimulatorService) {}

  @Get('scenarios')
  @SimulatorDocs.scenarios()
  scenarios() {
    return { items: this.simulator.scenarios() };
  }

  @Get('stats')
  @SimulatorDocs.stats()
  stats() {
    return { snmpPort: this.simulator.snmpPort, ...this.simulator.stats() };
  }

  @Get('modems')
  @SimulatorDocs.list()
  list(@Query() q: PageQuery) {
    return this.simulator.list(q.offset, q.limit);
  }

  @Get('modems/:id')
  @SimulatorDocs.get()
  get(@Param() { id }: ModemIdParam) {
    return this.simulator.get(id);
  }

  @Put('modems/:id/scenario')
  @SimulatorDocs.setScenario()
  setScenario(@Param() { id }: ModemIdParam, @Body() body: ScenarioDto) {
    return this.simulator.setScenario(id, body.scenario);
  }

  @Put('modems/:id/latency')
  @SimulatorDocs.setLatency()
  setLatency(@Param() { id }: ModemIdParam, @Body() body: LatencyDto) {
    return this.simulator.setResponseDelay(id, body.responseDelayMs);
  }

  @Get('nodes')
  @SimulatorDocs.nodes()
  nodes() {
    return { items: this.simulator.nodes(), scenarios: this.simulator.nodeScenarios() };
  }

  @Put('nodes/:cmtsId/:serviceGroupId/scenario')
  @SimulatorDocs.setNodeScenario()
  setNodeScenario(@Param() p: NodeParams, @Body() body: ScenarioDto) {
    return this.simulator.setNodeScenario(p.cmtsId, p.serviceGroupId, body.scenario);
  }

  @Get('cmts')
  @SimulatorDocs.cmtses()
  cmtses() {
    return { items: this.simulator.cmtses() };
  }

  @Get('cmts/:id/requests')
  @SimulatorDocs.cmtsRequests()
  cmtsRequests(@Param() { id }: CmtsIdParam) {
    return { cmtsId: id, ...this.simulator.cmtsRequests(id) };
  }
}
