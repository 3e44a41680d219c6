import { SetMetadata } from '@nestjs/common';
import type { Role } from '../domain/api-key';

export const ROLES_KEY = 'linecheck:roles';
export const PUBLIC_KEY = 'linecheck:public';

/** Any one of these roles may call the route. Routes with neither this nor @Public() are admin-only. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No key needed: liveness, readiness, the API description. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
