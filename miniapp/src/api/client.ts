import { ApiErrorSchema, buildPath, errorMessages, IDEMPOTENCY_KEY_HEADER, type AnyRoute, type HttpMethod, type RouteRequest, type RouteResponse } from '@linli/shared'
import type { z } from 'zod'
import { ApiError, clientErrorMessages } from './errors'

export interface HttpRequest {
  url: string
  method: HttpMethod
  header: Record<string, string>
  data?: unknown
}
export interface HttpResponse {
  statusCode: number
  data: unknown
}
/** Sends one request; resolves with any HTTP status, rejects only when there was no answer. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>

export interface FileUploadRequest {
  url: string
  /** The local file (a WeChat temp path, a blob URL in H5). */
  filePath: string
  /** The multipart field the route declares. */
  name: string
  header: Record<string, string>
}
/** Sends one file as multipart/form-data (Taro.uploadFile); `data` is the answer's body, JSON text or parsed. */
export type FileUploadTransport = (request: FileUploadRequest) => Promise<HttpResponse>

export interface ApiClientOptions {
  /** e.g. `/api` in H5, `https://linli.example.com/api` in the mini-program. */
  baseUrl: string
  transport: HttpTransport
  getToken: () => string | null
  /** The server said the session is gone (401): forget it and send the user to log in. */
  onUnauthorized: () => void
}

/** `idempotencyKey`: the same for every try of one action (see api/retry.ts), sent as Idempotency-Key. */
type CallRequest<R extends AnyRoute> = RouteRequest<R> & { idempotencyKey?: string }

/** Routes without params, query or body may be called without a request object. */
type CallArgs<R extends AnyRoute> = object extends RouteRequest<R> ? [request?: CallRequest<R>] : [request: CallRequest<R>]

export type ApiCall = <R extends AnyRoute>(route: R, ...args: CallArgs<R>) => Promise<RouteResponse<R>>

/** A route that takes one file instead of a JSON body (e.g. routes.uploadImage). */
export type FileRoute = AnyRoute & { file: NonNullable<AnyRoute['file']> }
/** `size` (bytes, when the picker tells it) lets a file over the limit be refused before it is sent. */
export type ApiUpload = <R extends FileRoute>(route: R, filePath: string, size?: number) => Promise<RouteResponse<R>>

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

function validationError(error: z.ZodError, where: 'body'): ApiError {
  const fields = error.issues.map((issue) => ({ path: [where, ...issue.path].join('.'), message: issue.message }))
  return new ApiError('VALIDATION_FAILED', fields[0]?.message ?? '填写的内容有误，请修改后再提交', 0, fields)
}

function errorFromResponse(statusCode: number, data: unknown): ApiError {
  const parsed = ApiErrorSchema.safeParse(data)
  if (parsed.success) {
    return new ApiError(parsed.data.code, parsed.data.message, statusCode, parsed.data.fields)
  }
  // A proxy page or an empty body: nothing the user can act on beyond waiting.
  return new ApiError('BAD_RESPONSE', clientErrorMessages.BAD_RESPONSE, statusCode)
}

/** Turns an answer into the route's response, or throws the ApiError to show (and handles 401). */
function readResponse<R extends AnyRoute>(route: R, { statusCode, data }: HttpResponse, onUnauthorized: () => void): RouteResponse<R> {
  if (statusCode < 200 || statusCode >= 300) {
    const error = errorFromResponse(statusCode, data)
    if (statusCode === 401) onUnauthorized()
    throw error
  }
  const parsed = route.response.safeParse(data)
  if (!parsed.success) throw new ApiError('BAD_RESPONSE', clientErrorMessages.BAD_RESPONSE, statusCode)
  return parsed.data as RouteResponse<R>
}

function authHeader(getToken: () => string | null): Record<string, string> {
  const token = getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** A typed client over the shared route table: paths, methods and shapes cannot drift from the server. */
export function createApiClient(options: ApiClientOptions): ApiCall {
  return async function call<R extends AnyRoute>(route: R, ...args: CallArgs<R>): Promise<RouteResponse<R>> {
    const request = (args[0] ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; idempotencyKey?: string }

    let body: unknown
    if (route.body) {
      const parsed = route.body.safeParse(request.body)
      if (!parsed.success) throw validationError(parsed.error, 'body')
      body = parsed.data
    }

    const header: Record<string, string> = { Accept: 'application/json', ...authHeader(options.getToken) }
    if (body !== undefined) header['Content-Type'] = 'application/json'
    if (request.idempotencyKey) header[IDEMPOTENCY_KEY_HEADER] = request.idempotencyKey

    const url = `${options.baseUrl}${buildPath(route.path, request.params)}${queryString(request.query)}`

    let response: HttpResponse
    try {
      response = await options.transport({ url, method: route.method, header, data: body })
    } catch {
      throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
    }

    return readResponse(route, response, options.onUnauthorized)
  }
}

/**
 * Uploads one file to a route that declares it (`route.file`), with the same session, errors and response
 * checks as `call`. A file over the route's size limit is refused here, before it costs the user's data plan.
 */
export function createUploader(options: Omit<ApiClientOptions, 'transport'> & { transport: FileUploadTransport }): ApiUpload {
  return async function upload<R extends FileRoute>(route: R, filePath: string, size?: number): Promise<RouteResponse<R>> {
    if (size !== undefined && size > route.file.maxBytes) {
      throw new ApiError('IMAGE_TOO_LARGE', errorMessages.IMAGE_TOO_LARGE, 0)
    }
    let response: HttpResponse
    try {
      response = await options.transport({
        url: `${options.baseUrl}${route.path}`,
        filePath,
        name: route.file.field,
        header: { Accept: 'application/json', ...authHeader(options.getToken) },
      })
    } catch {
      throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
    }
    // uploadFile hands back the body as text.
    let data = response.data
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data)
      } catch {
        throw new ApiError('BAD_RESPONSE', clientErrorMessages.BAD_RESPONSE, response.statusCode)
      }
    }
    return readResponse(route, { statusCode: response.statusCode, data }, options.onUnauthorized)
  }
}
