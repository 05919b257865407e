import type { ErrorCode, FieldError } from '@linli/shared'

/** Codes the client raises itself, next to the server's ErrorCode. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE'

export const clientErrorMessages: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络不通，请检查网络后重试',
  BAD_RESPONSE: '服务暂时不可用，请稍后再试',
}

/** What every failed call throws; `message` is plain Chinese, ready to show. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode
  /** HTTP status, 0 when the request never got an answer. */
  readonly status: number
  readonly fields: FieldError[]

  constructor(code: ErrorCode | ClientErrorCode, message: string, status: number, fields: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.fields = fields
  }
}

/** The Chinese message to show for anything a page caught. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return clientErrorMessages.BAD_RESPONSE
}
