import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AnyRoute } from '@linli/shared';
import type { AuthedRequest } from '../auth/auth.guard.js';
import { ROUTE_METADATA } from '../common/endpoint.decorator.js';
import { rateLimitClassOf } from './route-classes.js';
import { RateLimiter } from './rate-limiter.js';

/** Applies the route's limit per user (the auth guard has run) and per address; reads pass without a count. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = Reflect.getMetadata(ROUTE_METADATA, context.getHandler()) as AnyRoute | undefined;
    const kind = route ? rateLimitClassOf(route) : null;
    if (!kind) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    await this.limiter.take(kind, { userId: request.auth?.userId, ip: request.ip });
    return true;
  }
}
