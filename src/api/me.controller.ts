import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { hasRole, REBOOT_ROLES, type Caller, type Role } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { LineTokensService } from '../lines/line-tokens.service';
import { MeDocs } from './docs/me.docs';

/** The roles of the line routes (a line's diagnosis, telemetry, timeline...): who may check a line. */
const CHECK_LINES_ROLES: readonly Role[] = ['agent', 'noc', 'operator'];

export interface MeView {
  keyId: string;
  name: string;
  roles: Role[];
  may: { checkLines: boolean; reboot: boolean; needsLineToken: boolean };
}

@ApiTags('me')
@Controller('api/v1')
export class MeController {
  constructor(private readonly tokens: LineTokensService) {}

  /** For any valid key: who it is and what it may do, so a page can hide what the key may not. */
  @Get('me')
  @Roles('agent', 'noc', 'operator', 'reboot')
  @MeDocs.me()
  me(@CurrentCaller() caller: Caller): MeView {
    return {
      keyId: caller.keyId,
      name: caller.name,
      roles: [...caller.roles],
      may: {
        checkLines: hasRole(caller, CHECK_LINES_ROLES),
        reboot: hasRole(caller, REBOOT_ROLES),
        needsLineToken: this.tokens.needsToken(caller),
      },
    };
  }
}
