import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isStaff, type AnyRoute } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error.js';
import { DeskSessionCheck } from '../desk/desk-session-check.js';
import { ROUTE_METADATA } from '../common/endpoint.decorator.js';
import type { AuthContext } from './auth-context.js';
import { GrantsCache } from './grants-cache.js';
import { TokenService } from './token.service.js';

export type AuthedRequest = FastifyRequest & { auth?: AuthContext };

/** Enforces the route table's auth level: 401 without a valid token, 403 for staff routes without a staff grant. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly grantsCache: GrantsCache,
    private readonly deskSessions: DeskSessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = Reflect.getMetadata(ROUTE_METADATA, context.getHandler()) as AnyRoute | undefined;
    if (!route || route.auth === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw new AppError('UNAUTHENTICATED');
    const { userId, sessionId } = this.tokens.holder(header.slice('Bearer '.length).trim());
    // A desk's token works only while its session does (signed out from 我的 → 已登录的电脑, or expired).
    if (sessionId !== null) await this.deskSessions.check(sessionId, userId);
    const grants = await this.grantsCache.of(userId);
    if (grants === null) throw new AppError('UNAUTHENTICATED');
    if (route.auth === 'staff' && !isStaff(grants)) {
      throw new AppError('FORBIDDEN');
    }
    request.auth = { userId, grants, sessionId };
    return true;
  }
}
