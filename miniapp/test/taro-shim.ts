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
  hide: new Set<() => void>(),
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

export interface UploadFileOptions {
  url: string
  filePath: string
  name: string
  header?: Record<string, string>
}
/** Like WeChat's: the answer's body comes back as text. */
export type FakeUploadFile = (options: UploadFileOptions) => Promise<{ statusCode: number; data: string }>
let uploadFileImpl: FakeUploadFile = () => Promise.reject(new Error('No fake server installed: call installFakeServer() in the test'))

export function setUploadFile(fake: FakeUploadFile): void {
  uploadFileImpl = fake
}

export type ChosenImage = { path: string; size: number }
/** What the photo picker hands back next; null: the user closed it without choosing. */
let nextChosenImage: ChosenImage | null = null

export function setChosenImage(image: ChosenImage | null): void {
  nextChosenImage = image
}

function chooseImage() {
  const image = nextChosenImage
  if (!image) return Promise.reject({ errMsg: 'chooseImage:fail cancel' })
  return Promise.resolve({ tempFilePaths: [image.path], tempFiles: [image], errMsg: 'chooseImage:ok' })
}

export function resetTaroShim(): void {
  navigations.length = 0
  router.path = '/pages/home/index'
  router.params = {}
  requestImpl = () => Promise.reject(new Error('No fake server installed'))
  uploadFileImpl = () => Promise.reject(new Error('No fake server installed'))
  nextChosenImage = null
}

/** Fires the page's onShow again, as when the user comes back to it. */
export function triggerShow(): void {
  listeners.show.forEach((listener) => listener())
}
/** Fires the page's onHide, as when another page covers it. */
export function triggerHide(): void {
  listeners.hide.forEach((listener) => listener())
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
export const useDidHide = pageHook(listeners.hide, false)
export const usePullDownRefresh = pageHook(listeners.pullDown, false)
export const useReachBottom = pageHook(listeners.reachBottom, false)
export const useRouter = () => router
/** Share cards: what the page would hand WeChat, kept for tests to read. */
export const shares: { appMessage?: () => unknown; timeline?: () => unknown } = {}
export const useShareAppMessage = (make: () => unknown) => {
  shares.appMessage = make
}
export const useShareTimeline = (make: () => unknown) => {
  shares.timeline = make
}
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
  useDidHide,
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
  uploadFile: (options: UploadFileOptions) => uploadFileImpl(options),
  chooseImage,
}

export default Taro
