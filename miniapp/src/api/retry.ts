import { useRef } from 'react'
import { ApiError } from './errors'

/**
 * 128 random bits as 22 base64url characters (shared's IdempotencyKeySchema). For a secret ballot the receipt
 * code is derived from this key, so it must be unguessable: the platform's cryptographic generator where there
 * is one (H5, and the WeChat runtime's `crypto`), Math.random only as a last resort.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16)
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 6) {
      out += alphabet[(value >>> (bits - 6)) & 63]
      bits -= 6
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += alphabet[(value << (6 - bits)) & 63]
  return out
}

/**
 * Whether the action may have gone through, or may go through if tried again: the server was down or busy
 * (503, 系统正在维护), or no answer came at all. Then the page offers 重试, and the retry is the same action.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 503 || error.code === 'NETWORK_ERROR' || (error.code === 'BAD_RESPONSE' && error.status >= 500))
}

/**
 * One action's tries (a sign-up, a ballot): every try sends the same Idempotency-Key, so a retry after a lost
 * answer gets the outcome of the try that counted (the sign-up, the ballot's receipt) instead of "already done".
 * A new key is drawn once the action succeeded or was refused for good.
 */
export function useActionAttempt() {
  const key = useRef<string | null>(null)
  return {
    key: () => (key.current ??= newIdempotencyKey()),
    settled: (error?: unknown) => {
      if (!isRetryable(error)) key.current = null
    },
  }
}
