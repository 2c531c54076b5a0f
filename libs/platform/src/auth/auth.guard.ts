import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setCurrentActor } from '../context/correlation';
import { ProblemException } from '../errors/problem.exception';
import type { PlatformRequest } from '../http/http.types';
import { AUTH_OPTIONS, type AuthOptions, IS_PUBLIC_KEY, ROLES_KEY } from './auth.constants';
import { bearerToken, unauthenticatedProblem, verifyAccessToken } from './jwt.util';
import { ROLE_LABELS, type Role } from './principal';

export function roleNotAllowedProblem(role: Role, allowed: readonly Role[]): ProblemException {
  return new ProblemException({
    status: 403,
    code: 'forbidden',
    title: { zh: '无权操作', en: 'Forbidden' },
    detail: {
      zh: `您的账号角色（${ROLE_LABELS[role].zh}）无权进行此操作，仅限${allowed.map((r) => ROLE_LABELS[r].zh).join('、')}。`,
      en: `Role "${role}" may not perform this action; allowed: ${allowed.join(', ')}.`,
    },
    extensions: { role, allowedRoles: allowed },
  });
}

/**
 * Global guard (APP_GUARD): every HTTP route needs a valid bearer token unless marked
 * `@Public()`; `@Roles(...)` narrows who may call it. Non-HTTP contexts are not guarded here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const token = bearerToken(req.headers.authorization);

    if (!token) {
      if (isPublic) return true;
      throw unauthenticatedProblem();
    }
    if (isPublic) {
      // A public route still learns who is calling, but a bad token does not block it.
      try {
        req.principal = verifyAccessToken(token, this.options.secret);
      } catch {
        /* ignored on public routes */
      }
      return true;
    }

    const principal = verifyAccessToken(token, this.options.secret);
    req.principal = principal;
    setCurrentActor({ userId: principal.userId, role: principal.role });

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0 && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw roleNotAllowedProblem(principal.role, roles);
    }
    return true;
  }
}
