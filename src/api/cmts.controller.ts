import { Roles } from '../auth/roles.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CmtsService, type CmtsView, type DiscoveryResult } from '../cmts/cmts.service';
import { CmtsIdParam, PutCmtsDto } from './dto/cmts.dto';
import { CmtsDocs } from './docs/cmts.docs';

@ApiTags('cmts')
@Controller('api/v1/cmts')
export class CmtsController {
  constructor(private readonly cmts: CmtsService) {}

  @Get()
  @Roles('noc', 'operator')
  @CmtsDocs.list()
  async list(): Promise<{ items: CmtsView[] }> {
    return { items: await this.cmts.list() };
  }

  @Put(':id')
  @Roles('operator')
  @CmtsDocs.put()
  async put(
    @Param() { id }: CmtsIdParam,
    @Body() body: PutCmtsDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, cmts } = await this.cmts.put(id, body);
    res.status(created ? 201 : 200);
    return cmts;
  }

  @Get(':id')
  @Roles('noc', 'operator')
  @CmtsDocs.get()
  get(@Param() { id }: CmtsIdParam): Promise<CmtsView> {
    return this.cmts.get(id);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @CmtsDocs.delete()
  delete(@Param() { id }: CmtsIdParam): Promise<void> {
    return this.cmts.delete(id);
  }

  @Post(':id/discover')
  @Roles('noc', 'operator')
  @HttpCode(200)
  @CmtsDocs.discover()
  discover(@Param() { id }: CmtsIdParam): Promise<DiscoveryResult> {
    return this.cmts.discover(id);
  }
}
