import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RemoteAction } from '../actions/remote-action';
import { RebootService } from '../actions/reboot.service';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { NotFoundError } from '../common/app-errors';
import { Roles } from '../auth/roles.decorator';
import { ActionIdParam, RebootDto } from './dto/lines.dto';
import { ModemIdParam } from './dto/modem.dto';
import { ActionsDocs } from './docs/actions.docs';

@ApiTags('actions')
@Controller('api/v1')
@Roles('operator')
export class ActionsController {
  constructor(private readonly reboots: RebootService) {}

  /** 202: the reset is sent and followed in the background; poll the action for its outcome. */
  @Post('modems/:id/reboot')
  @HttpCode(202)
  @ActionsDocs.reboot()
  reboot(
    @Param() { id }: ModemIdParam,
    @Body() body: RebootDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemoteAction> {
    return this.reboots.start(id, body.reason, caller, 'http');
  }

  @Get('actions/:id')
  @ActionsDocs.get()
  async get(@Param() { id }: ActionIdParam): Promise<RemoteAction> {
    const action = await this.reboots.get(id);
    if (!action) {
      throw new NotFoundError(`unknown action ${id}`);
    }
    return action;
  }
}
