import type { AuthResponse, Me } from '@linli/shared'
import { storage } from './storage'
import { createStore, useStore } from './store'

const SESSION_KEY = 'linli.session'

interface StoredSession {
  token: string
  expiresAt: string
}

function readSession(now = Date.now()): StoredSession | null {
  const stored = storage.get<StoredSession>(SESSION_KEY)
  if (!stored || typeof stored.token !== 'string' || !stored.token) return null
  if (Date.parse(stored.expiresAt) <= now) {
    storage.remove(SESSION_KEY)
    return null
  }
  return stored
}

/** Who I am, as last answered by the server; null until loaded or after logout. */
export const meStore = createStore<Me | null>(null)

export const session = {
  token(): string | null {
    return readSession()?.token ?? null
  },
  isLoggedIn(): boolean {
    return readSession() !== null
  },
  start(auth: AuthResponse): void {
    storage.set(SESSION_KEY, { token: auth.token, expiresAt: auth.expiresAt } satisfies StoredSession)
    meStore.set(auth.me)
  },
  clear(): void {
    storage.remove(SESSION_KEY)
    meStore.set(null)
  },
}

export function useCachedMe(): Me | null {
  return useStore(meStore)
}
