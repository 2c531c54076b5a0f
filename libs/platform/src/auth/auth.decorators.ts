import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { PlatformRequest } from '../http/http.types';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants';
import { unauthenticatedProblem } from './jwt.util';
import type { Principal, Role } from './principal';

/** The route (or controller) needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only these roles may call the route; a method's `@Roles` replaces its controller's. `admin`
 * is always allowed. Without `@Roles` any authenticated user may call it.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The authenticated `Principal`; 401 if the route is public and no token was sent. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<PlatformRequest>().principal;
  if (!principal) throw unauthenticatedProblem();
  return principal;
});
