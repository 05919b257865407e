import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';
import type { AnyRoute, HttpMethod } from '@linli/shared';

export const ROUTE_METADATA = 'linli:route';

const methodDecorators: Record<HttpMethod, (path: string) => MethodDecorator> = {
  GET: Get,
  POST: Post,
  PATCH: Patch,
  PUT: Put,
  DELETE: Delete,
};

/**
 * Binds a handler to its entry in the shared route table: method, path, status, auth level and the
 * schemas that `@Input()` validates with. Controllers carry no paths of their own.
 */
export function Endpoint(route: AnyRoute): MethodDecorator {
  return applyDecorators(
    methodDecorators[route.method](route.path),
    HttpCode(route.status ?? 200),
    SetMetadata(ROUTE_METADATA, route),
  );
}
