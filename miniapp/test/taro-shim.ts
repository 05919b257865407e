/**
 * @tarojs/taro for jest: Taro's real H5 implementation (storage, events, system info) plus what the
 * React framework plugin injects at runtime (page hooks), with navigation recorded instead of
 * routed and Taro.request replaceable by a test's fake server.
 */
import { useEffect, useRef } from 'react'
import * as h5 from '@tarojs/taro-h5'

export * from '@tarojs/taro-h5'

type Callback = () => void

export type NavigationMethod = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
export const navigations: { method: NavigationMethod; url?: string }[] = []
export const router: { path: string; params: Record<string, string | undefined> } = { path: '/pages/home/index', params: {} }

const listeners = {
  show: new Set<() => void>(),
  pullDown: new Set<() => void>(),
  reachBottom: new Set<() => void>(),
}

export interface RequestOptions {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
}
export type FakeRequest = (options: RequestOptions) => Promise<{ statusCode: number; data: unknown }>

let requestImpl: FakeRequest = () => Promise.reject(new Error('No fake server installed: call installFakeServer() in the test'))

export function setRequest(fake: FakeRequest): void {
  requestImpl = fake
}

export function resetTaroShim(): void {
  navigations.length = 0
  router.path = '/pages/home/index'
  router.params = {}
  requestImpl = () => Promise.reject(new Error('No fake server installed'))
}

/** Fires the page's onShow again, as when the user comes back to it. */
export function triggerShow(): void {
  listeners.show.forEach((listener) => listener())
}
export function triggerPullDown(): void {
  listeners.pullDown.forEach((listener) => listener())
}
export function triggerReachBottom(): void {
  listeners.reachBottom.forEach((listener) => listener())
}

function pageHook(set: Set<() => void>, fireOnMount: boolean) {
  return (callback: Callback) => {
    const ref = useRef(callback)
    ref.current = callback
    useEffect(() => {
      const listener = () => ref.current()
      set.add(listener)
      if (fireOnMount) listener()
      return () => {
        set.delete(listener)
      }
    }, [])
  }
}

export const useDidShow = pageHook(listeners.show, true)
export const usePullDownRefresh = pageHook(listeners.pullDown, false)
export const useReachBottom = pageHook(listeners.reachBottom, false)
export const useRouter = () => router
export const getCurrentInstance = () => ({ router, page: null, app: null })

function recordNavigation(method: NavigationMethod) {
  return (options: { url?: string } = {}) => {
    navigations.push({ method, url: options.url })
    return Promise.resolve({ errMsg: `${method}:ok` })
  }
}

/** jsdom has no layout: every query finds nothing (NutUI Tabs measures its titles this way). */
export function createSelectorQuery() {
  const results: unknown[] = []
  const query = {
    in: () => query,
    select: () => (results.push(null), query),
    selectAll: () => (results.push([]), query),
    selectViewport: () => (results.push(null), query),
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    node: () => query,
    exec: (callback?: (res: unknown[]) => void) => {
      callback?.(results)
      return query
    },
  }
  return query
}

const base = (h5 as unknown as { default?: Record<string, unknown> }).default ?? {}
const Taro: Record<string, unknown> = {
  ...base,
  ...h5,
  useDidShow,
  usePullDownRefresh,
  useReachBottom,
  useRouter,
  getCurrentInstance,
  createSelectorQuery,
  navigateTo: recordNavigation('navigateTo'),
  redirectTo: recordNavigation('redirectTo'),
  switchTab: recordNavigation('switchTab'),
  reLaunch: recordNavigation('reLaunch'),
  navigateBack: recordNavigation('navigateBack'),
  getCurrentPages: () => [],
  stopPullDownRefresh: () => undefined,
  request: (options: RequestOptions) => requestImpl(options),
}

export default Taro
