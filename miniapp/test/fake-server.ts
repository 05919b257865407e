import { setRequest, setUploadFile, type RequestOptions } from './taro-shim'

type Handler = (request: RequestOptions & { path: string; query: URLSearchParams }) => { status?: number; body: unknown }

/**
 * A fake API behind Taro.request and Taro.uploadFile: `'GET /api/me': () => ({ body: me })`; an upload is a
 * POST whose `data` is `{ [field]: filePath }`. Unmatched requests answer 404 ROUTE_NOT_FOUND, as the real
 * server does. Returns the log of requests made.
 */
export function installFakeServer(handlers: Record<string, Handler>): RequestOptions[] {
  const log: RequestOptions[] = []
  setRequest(async (options) => {
    log.push(options)
    const [path, search = ''] = options.url.split('?')
    const handler = handlers[`${options.method ?? 'GET'} ${path}`]
    if (!handler) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '找不到您要的页面或功能' } }
    const { status = 200, body } = handler({ ...options, path, query: new URLSearchParams(search) })
    return { statusCode: status, data: body }
  })
  setUploadFile(async ({ url, filePath, name, header }) => {
    const options = { url, method: 'POST', header, data: { [name]: filePath } }
    log.push(options)
    const handler = handlers[`POST ${url}`]
    if (!handler) return { statusCode: 404, data: JSON.stringify({ code: 'ROUTE_NOT_FOUND', message: '找不到您要的页面或功能' }) }
    const { status = 200, body } = handler({ ...options, path: url, query: new URLSearchParams() })
    return { statusCode: status, data: JSON.stringify(body) }
  })
  return log
}
