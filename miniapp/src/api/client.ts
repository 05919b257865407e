import { ApiErrorSchema, buildPath, type AnyRoute, type HttpMethod, type RouteRequest, type RouteResponse } from '@linli/shared'
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

export interface ApiClientOptions {
  /** e.g. `/api` in H5, `https://linli.example.com/api` in the mini-program. */
  baseUrl: string
  transport: HttpTransport
  getToken: () => string | null
  /** The server said the session is gone (401): forget it and send the user to log in. */
  onUnauthorized: () => void
}

/** Routes without params, query or body may be called without a request object. */
type CallArgs<R extends AnyRoute> = object extends RouteRequest<R> ? [request?: RouteRequest<R>] : [request: RouteRequest<R>]

export type ApiCall = <R extends AnyRoute>(route: R, ...args: CallArgs<R>) => Promise<RouteResponse<R>>

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

/** A typed client over the shared route table: paths, methods and shapes cannot drift from the server. */
export function createApiClient(options: ApiClientOptions): ApiCall {
  return async function call<R extends AnyRoute>(route: R, ...args: CallArgs<R>): Promise<RouteResponse<R>> {
    const request = (args[0] ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown }

    let body: unknown
    if (route.body) {
      const parsed = route.body.safeParse(request.body)
      if (!parsed.success) throw validationError(parsed.error, 'body')
      body = parsed.data
    }

    const header: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) header['Content-Type'] = 'application/json'
    const token = options.getToken()
    if (token) header.Authorization = `Bearer ${token}`

    const url = `${options.baseUrl}${buildPath(route.path, request.params)}${queryString(request.query)}`

    let response: HttpResponse
    try {
      response = await options.transport({ url, method: route.method, header, data: body })
    } catch {
      throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
    }

    const { statusCode, data } = response
    if (statusCode < 200 || statusCode >= 300) {
      const error = errorFromResponse(statusCode, data)
      if (statusCode === 401) options.onUnauthorized()
      throw error
    }

    const parsed = route.response.safeParse(data)
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', clientErrorMessages.BAD_RESPONSE, statusCode)
    return parsed.data as RouteResponse<R>
  }
}
