import { Roles } from '../auth/roles.decorator';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { NodesService, type NodeDetail, type NodeSummary } from '../nodes/nodes.service';
import { NodeParams, NodesQuery } from './dto/cmts.dto';

@Controller('api/v1/nodes')
@Roles('agent', 'noc', 'operator')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Get()
  async list(@Query() q: NodesQuery): Promise<{ items: NodeSummary[] }> {
    return { items: await this.nodes.list(q.cmtsId, q.sort, q.limit) };
  }

  @Get(':cmtsId/:serviceGroupId')
  node(@Param() p: NodeParams): Promise<NodeDetail> {
    return this.nodes.node(p.cmtsId, p.serviceGroupId);
  }
}
