import { ErrorCode, routes, type ResidencyClaim } from '@linli/shared'
import { createApiClient, createUploader, type FileUploadRequest, type HttpRequest, type HttpResponse } from './client'
import { ApiError } from './errors'
import { isRetryable, newIdempotencyKey } from './retry'

const claim: ResidencyClaim = {
  id: 7,
  status: 'approved',
  realName: '周明',
  household: { id: 3, communityId: 1, building: '3栋', unit: '2单元', room: '501', communityName: '幸福里社区' },
  claimant: { id: 9, nickname: '小周' },
  reason: null,
  decidedBy: 'claim',
  createdAt: '2026-11-20T02:00:00.000Z',
  decidedAt: '2026-11-21T06:30:00.000Z',
}

function setup(answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse>, token: string | null = 'tok-1') {
  const sent: HttpRequest[] = []
  let unauthorized = 0
  const call = createApiClient({
    baseUrl: 'https://linli.test/api',
    transport: async (request) => {
      sent.push(request)
      return answer(request)
    },
    getToken: () => token,
    onUnauthorized: () => {
      unauthorized++
    },
  })
  return { call, sent, unauthorized: () => unauthorized }
}

describe('api client', () => {
  it('builds method and URL from the route table and returns the parsed response', async () => {
    const { call, sent } = setup(() => ({ statusCode: 200, data: claim }))

    const result = await call(routes.approveResidencyClaim, { params: { id: 7 } })

    expect(sent[0]).toMatchObject({ method: 'POST', url: 'https://linli.test/api/residency-claims/7/approve' })
    expect(result.status).toBe('approved')
  })

  it('puts query values in the URL and leaves out the ones not given', async () => {
    const { call, sent } = setup(() => ({ statusCode: 200, data: { items: [], total: 0, page: 2, pageSize: 10 } }))

    await call(routes.listResidencyClaims, { query: { status: 'pending', page: 2, pageSize: 10, communityId: undefined } })

    expect(sent[0].method).toBe('GET')
    expect(sent[0].url).toBe('https://linli.test/api/residency-claims?status=pending&page=2&pageSize=10')
    expect(sent[0].data).toBeUndefined()
  })

  it('sends the session token as a bearer header, and none when logged out', async () => {
    const loggedIn = setup(() => ({ statusCode: 200, data: { items: [] } }))
    await loggedIn.call(routes.communities)
    expect(loggedIn.sent[0].header.Authorization).toBe('Bearer tok-1')

    const anonymous = setup(() => ({ statusCode: 200, data: { items: [] } }), null)
    await anonymous.call(routes.communities)
    expect(anonymous.sent[0].header).not.toHaveProperty('Authorization')
  })

  it('sends an action\'s Idempotency-Key when given one, and none otherwise', async () => {
    const { call, sent } = setup(() => ({ statusCode: 503, data: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }))
    const key = newIdempotencyKey()
    const failed = await call(routes.castBallot, { params: { id: 7 }, body: { answers: [{ questionId: 1, optionIds: [11] }] }, idempotencyKey: key }).catch((e: unknown) => e)
    expect(failed).toMatchObject({ code: 'DATABASE_UNAVAILABLE', status: 503, message: '系统正在维护，请稍后再试' })
    expect(isRetryable(failed)).toBe(true)
    expect(sent[0].header['Idempotency-Key']).toBe(key)
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(newIdempotencyKey()).not.toBe(key)
    await call(routes.communities).catch(() => undefined)
    expect(sent[1].header).not.toHaveProperty('Idempotency-Key')
    expect(isRetryable(new ApiError('SEATS_FULL', '名额已满', 409))).toBe(false)
  })

  it('sends the body as JSON after checking it against the route schema', async () => {
    const { call, sent } = setup(() => ({ statusCode: 201, data: { ...claim, status: 'pending' } }))

    await call(routes.createResidencyClaim, { body: { householdId: 3, realName: '  周明 ' } })

    expect(sent[0].header['Content-Type']).toBe('application/json')
    expect(sent[0].data).toEqual({ householdId: 3, realName: '周明' })
  })

  it('refuses an invalid body without calling the server', async () => {
    const { call, sent } = setup(() => ({ statusCode: 201, data: claim }))

    const error = await call(routes.rejectResidencyClaim, { params: { id: 7 }, body: { reason: '   ' } }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, fields: [expect.objectContaining({ path: 'body.reason' })] })
    expect(sent).toHaveLength(0)
  })

  it("turns an error answer into an ApiError with the server's code, Chinese message and fields", async () => {
    const { call } = setup(() => ({
      statusCode: 409,
      data: { code: 'CLAIM_ALREADY_DECIDED', message: '这条申请已经处理过了，请刷新查看结果' },
    }))

    const error = await call(routes.approveResidencyClaim, { params: { id: 7 } }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'CLAIM_ALREADY_DECIDED', status: 409, message: '这条申请已经处理过了，请刷新查看结果' })
  })

  it('keeps field errors from a 400', async () => {
    const fields = [{ path: 'body.realName', message: '请填写真实姓名' }]
    const { call } = setup(() => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请按提示修改后再提交', fields } }))

    const error = await call(routes.createResidencyClaim, { body: { householdId: 3, realName: '周明' } }).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fields })
  })

  it('explains a network failure in plain Chinese', async () => {
    const { call } = setup(() => Promise.reject(new Error('request:fail timeout')))

    const error = await call(routes.communities).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: '网络不通，请检查网络后重试' })
  })

  it('does not show a proxy error page to the user', async () => {
    const { call } = setup(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))

    const error = await call(routes.communities).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 502, message: '服务暂时不可用，请稍后再试' })
  })

  it('reports a 401 so the session can be dropped, and still throws the message', async () => {
    const { call, unauthorized } = setup(() => ({ statusCode: 401, data: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } }))

    const error = await call(routes.me).catch((e: unknown) => e)

    expect(unauthorized()).toBe(1)
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' })
  })

  it('rejects an answer that does not match the contract', async () => {
    const { call } = setup(() => ({ statusCode: 200, data: { items: [{ id: 'x' }] } }))

    await expect(call(routes.communities)).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })
})

describe('file uploads', () => {
  const upload = { id: 5, key: 'k', url: 'https://linli.test/uploads/k/body.jpg', variants: { body: 'b', cover: 'c', thumb: 't' }, width: 800, height: 600 }

  function uploader(answer: () => HttpResponse | Promise<HttpResponse>) {
    const sent: FileUploadRequest[] = []
    let unauthorized = 0
    const send = createUploader({
      baseUrl: 'https://linli.test/api',
      transport: async (request) => {
        sent.push(request)
        return answer()
      },
      getToken: () => 'tok-1',
      onUnauthorized: () => {
        unauthorized++
      },
    })
    return { send, sent, unauthorized: () => unauthorized }
  }

  it("sends the file in the route's field with the session token, and reads the JSON text that comes back", async () => {
    const { send, sent } = uploader(() => ({ statusCode: 201, data: JSON.stringify(upload) }))

    const result = await send(routes.uploadImage, 'wxfile://tmp/a.jpg', 1000)

    expect(sent).toEqual([{ url: 'https://linli.test/api/uploads', filePath: 'wxfile://tmp/a.jpg', name: 'file', header: { Accept: 'application/json', Authorization: 'Bearer tok-1' } }])
    expect(result.variants.cover).toBe('c')
  })

  it('refuses a file over the limit without sending it', async () => {
    const { send, sent } = uploader(() => ({ statusCode: 201, data: upload }))

    const error = await send(routes.uploadImage, 'wxfile://tmp/big.jpg', 5 * 1024 * 1024 + 1).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: '图片太大了，请选择 5MB 以内的照片' })
    expect(sent).toEqual([])
  })

  it("shows the server's reason, reports a 401, and does not show a proxy page", async () => {
    const refused = uploader(() => ({ statusCode: 415, data: JSON.stringify({ code: 'IMAGE_TYPE_UNSUPPORTED', message: '只能上传 JPG、PNG 或 WebP 格式的照片，请换一张' }) }))
    await expect(refused.send(routes.uploadImage, 'a.gif')).rejects.toMatchObject({ code: 'IMAGE_TYPE_UNSUPPORTED', status: 415 })

    const expired = uploader(() => ({ statusCode: 401, data: JSON.stringify({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' }) }))
    await expect(expired.send(routes.uploadImage, 'a.jpg')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' })
    expect(expired.unauthorized()).toBe(1)

    const proxy = uploader(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
    await expect(proxy.send(routes.uploadImage, 'a.jpg')).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: '服务暂时不可用，请稍后再试' })
  })

  it('says the network is down when the upload never got an answer', async () => {
    const { send } = uploader(() => Promise.reject(new Error('uploadFile:fail timeout')))
    await expect(send(routes.uploadImage, 'a.jpg')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 })
  })
})
