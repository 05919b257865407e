import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AnyRoute, FieldError } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './app-error.js';
import { ROUTE_METADATA } from './endpoint.decorator.js';

const parts = ['params', 'query', 'body'] as const;

function fieldErrors(part: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Parses params, query and body against the route's schemas; any failure is one 400 listing every field. */
export function parseRouteInput(route: AnyRoute, request: Pick<FastifyRequest, 'params' | 'query' | 'body'>) {
  const input: Record<string, unknown> = {};
  const fields: FieldError[] = [];
  for (const part of parts) {
    const schema = route[part];
    const raw = request[part] ?? {};
    if (!schema) {
      input[part] = {};
      continue;
    }
    const result = schema.safeParse(raw);
    if (result.success) input[part] = result.data;
    else fields.push(...fieldErrors(part, result.error));
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  return input;
}

/** `@Input() input: RouteInput<typeof routes.x>` — the validated request, typed from the shared route table. */
export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const route = Reflect.getMetadata(ROUTE_METADATA, ctx.getHandler()) as AnyRoute | undefined;
  if (!route) throw new Error('@Input() used on a handler without @Endpoint()');
  return parseRouteInput(route, ctx.switchToHttp().getRequest<FastifyRequest>());
});
