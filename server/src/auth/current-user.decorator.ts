import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthContext } from './auth-context.js';
import type { AuthedRequest } from './auth.guard.js';

/** The caller on an authenticated route (the guard has already answered 401 otherwise). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('@CurrentUser() on a public route');
  return auth;
});
