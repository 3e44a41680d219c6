import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from '../auth/caller.decorator';
import { LineTokensService } from './line-tokens.service';

/**
 * On a line's own data (diagnosis, timeline, history, telemetry, pre-equalisation) and its reboot: a key with none of
 * noc, operator and admin (an agent key, with or without reboot) must also show the line token it got from verifying
 * the caller (`X-Line-Token`), so a line's state is only told to, and its modem only rebooted by, its holder.
 */
@Injectable()
export class LineTokenGuard implements CanActivate {
  constructor(private readonly tokens: LineTokensService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const caller = req.caller;
    if (!caller || !this.tokens.needsToken(caller)) {
      return true;
    }
    const header = req.headers['x-line-token'];
    const token = Array.isArray(header) ? header[0] : header;
    const modemId = String(req.params.id ?? '');
    if (!(await this.tokens.allows(token, modemId, caller))) {
      throw new ForbiddenException(
        token
          ? `the X-Line-Token is not valid for ${modemId} and this key (expired, or issued for another line or key)`
          : `verify the caller first (POST /api/v1/lines/verify) and send the line token as X-Line-Token`,
      );
    }
    return true;
  }
}
