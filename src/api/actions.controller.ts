import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RemoteAction } from '../actions/remote-action';
import { RebootService } from '../actions/reboot.service';
import { hasRole, type Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { NotFoundError } from '../common/app-errors';
import { Roles } from '../auth/roles.decorator';
import { LineTokenGuard } from '../lines/line-token.guard';
import { ActionIdParam, RebootDto } from './dto/lines.dto';
import { ModemIdParam } from './dto/modem.dto';
import { ActionsDocs } from './docs/actions.docs';

/**
 * Remote reboots: operator keys reboot any modem and follow any action; keys with the reboot role (agent keys given
 * the right) reboot a line they verified (its X-Line-Token, when LINE_TOKEN_REQUIRED) and follow their own actions.
 */
@ApiTags('actions')
@Controller('api/v1')
@Roles('operator', 'reboot')
export class ActionsController {
  constructor(private readonly reboots: RebootService) {}

  /** 202: the reset is sent and followed in the background; poll the action for its outcome. */
  @Post('modems/:id/reboot')
  @HttpCode(202)
  @UseGuards(LineTokenGuard)
  @ActionsDocs.reboot()
  reboot(
    @Param() { id }: ModemIdParam,
    @Body() body: RebootDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemoteAction> {
    return this.reboots.start(id, body.reason, caller, 'http');
  }

  /** Operator keys see every action; others only those their key started (another's is "unknown", as it must be). */
  @Get('actions/:id')
  @ActionsDocs.get()
  async get(@Param() { id }: ActionIdParam, @CurrentCaller() caller: Caller): Promise<RemoteAction> {
    const action = await this.reboots.get(id);
    if (!action || (!hasRole(caller, ['operator']) && action.requestedBy.keyId !== caller.keyId)) {
      throw new NotFoundError(`unknown action ${id}`);
    }
    return action;
  }
}
