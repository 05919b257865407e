import { useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'
import { routes, type Me } from '@linli/shared'
import { call } from '../api'
import { goToLogin } from '../navigation'
import type { PageName } from '../paths'
import { meStore, session, useCachedMe } from '../stores/session'
import { useResource, type ResourceHandle } from './useResource'

/** Sends a logged-out visitor to the login page (and back here afterwards). Returns whether logged in. */
export function useRequireLogin(page: PageName): boolean {
  const loggedIn = session.isLoggedIn()
  useEffect(() => {
    if (!loggedIn) goToLogin(page)
  }, [loggedIn, page])
  return loggedIn
}

/**
 * Me, fresh from the server each time the page shows (a claim may have been approved meanwhile);
 * the last known answer is shown at once while it loads.
 */
export function useMe(page: PageName): ResourceHandle<Me> {
  const loggedIn = useRequireLogin(page)
  const cached = useCachedMe()
  const loadedAt = useRef(0)
  const resource = useResource(
    async () => {
      loadedAt.current = Date.now()
      const me = await call(routes.me)
      meStore.set(me)
      return me
    },
    { initial: cached ?? undefined, enabled: loggedIn },
  )
  // Loaded on mount; a page shown again (back from another page, tab switch) reads again.
  useDidShow(() => {
    if (loggedIn && Date.now() - loadedAt.current > 1000) void resource.reload()
  })
  return resource
}

export function logout(): void {
  goToLogin(null)
  session.clear()
}
