import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The origin the caller reached this server at: local storage addresses its images from it, as uploads answered. */
export const RequestOrigin = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return `${request.protocol}://${request.host}`;
});
