import { Roles } from '../auth/roles.decorator';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NodesService, type NodeDetail, type NodeSummary } from '../nodes/nodes.service';
import { NodeParams, NodesQuery } from './dto/cmts.dto';
import { NodesDocs } from './docs/nodes.docs';

@ApiTags('nodes')
@Controller('api/v1/nodes')
@Roles('agent', 'noc', 'operator')
export class NodesController {
  constructor(private readonly nodes: NodesService) {}

  @Get()
  @NodesDocs.list()
  async list(@Query() q: NodesQuery): Promise<{ items: NodeSummary[] }> {
    return { items: await this.nodes.list(q.cmtsId, q.sort, q.limit) };
  }

  @Get(':cmtsId/:serviceGroupId')
  @NodesDocs.node()
  node(@Param() p: NodeParams): Promise<NodeDetail> {
    return this.nodes.node(p.cmtsId, p.serviceGroupId);
  }
}
