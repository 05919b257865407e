import { ApiErrorSchema, routes, type AnyRoute } from '@linli/shared';
import { z } from 'zod';
import { version } from '../version.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  return rest;
}

function parameters(route: AnyRoute) {
  const out: object[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: property });
    }
  }
  return out;
}

function multipartBody(file: NonNullable<AnyRoute['file']>) {
  const description = `${file.types.join(', ')}; at most ${file.maxBytes} bytes`;
  const schema = {
    type: 'object',
    required: [file.field],
    properties: { [file.field]: { type: 'string', format: 'binary', description } },
  };
  return { required: true, content: { 'multipart/form-data': { schema } } };
}

/** The OpenAPI document, generated from the shared route table so the docs cannot drift from the code. */
export function buildOpenApi() {
  const paths: Record<string, Record<string, object>> = {};
  const error = { content: { 'application/json': { schema: jsonSchema(ApiErrorSchema, 'output') } } };
  const entries = Object.entries(routes as Record<string, AnyRoute>).sort(([, a], [, b]) => a.path.localeCompare(b.path));
  for (const [name, route] of entries) {
    const path = `/api${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth !== 'public' && { security: [{ bearer: [] }] }),
      parameters: parameters(route),
      ...(route.body && {
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
      }),
      ...(route.file && { requestBody: multipartBody(route.file) }),
      responses: {
        [status]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
        '4XX': { description: 'Client error: `{code, message, fields?}` with `code` from the shared ErrorCode enum', ...error },
        '500': { description: 'Unexpected error (code INTERNAL)', ...error },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Linli 邻里共治 API', version, description: 'Every error is `{code, message}`; `message` is plain Chinese for residents.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
