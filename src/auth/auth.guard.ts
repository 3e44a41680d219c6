import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, type Role } from './api-key';
import { ApiKeysService } from './api-keys.service';
import { presentedKey, type AuthedRequest } from './caller.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** Every HTTP route: 401 without a valid key, 403 without one of the route's roles (admin by default). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (ctx.getType() !== 'http' || this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? ['admin'];
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const caller = await this.keys.authenticate(presentedKey(req));
    if (!caller) {
      throw new UnauthorizedException(
        'a valid API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>"',
      );
    }
    req.caller = caller;
    if (!hasRole(caller, allowed)) {
      throw new ForbiddenException(
        `this needs one of the roles ${allowed.join(', ')}; key ${caller.keyId} has ${caller.roles.join(', ')}`,
      );
    }
    return true;
  }
}
