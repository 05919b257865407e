import Taro from '@tarojs/taro'
import { isTabPage, pagePaths, type PageName } from './paths'

type Query = Record<string, string | number | undefined>

function urlOf(name: PageName, query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
  return `/${pagePaths[name]}${pairs.length ? `?${pairs.join('&')}` : ''}`
}

/** Opens a page on top of the current one (tab pages are switched to instead). */
export function goTo(name: PageName, query?: Query): void {
  if (isTabPage(name)) {
    void Taro.switchTab({ url: urlOf(name) })
  } else {
    void Taro.navigateTo({ url: urlOf(name, query) })
  }
}

function pageNameOf(path: string | undefined): PageName | undefined {
  const clean = path?.replace(/^\//, '').split('?')[0]
  return (Object.keys(pagePaths) as PageName[]).find((name) => pagePaths[name] === clean)
}

let leavingForLogin = false

/**
 * Closes every page and opens login; after logging in the user returns to `from`
 * (by default the current page; `null` for 首页, e.g. after logging out).
 */
export function goToLogin(from?: PageName | null): void {
  // A logout or a 401 also makes the page's own login check fire: go once.
  if (leavingForLogin) return
  leavingForLogin = true
  const router = Taro.getCurrentInstance().router
  const current = from === undefined ? pageNameOf(router?.path) : from
  const back = current && current !== 'login' ? current : undefined
  // What the page was opened with (a shared card's id, a scanned code's scene) comes back after logging in.
  const carried = back ? carriedQuery(router?.params) : {}
  void Taro.reLaunch({ url: urlOf('login', { from: back, ...carried }) }).finally(() => {
    leavingForLogin = false
  })
}

/** After logging in: a fresh page stack (the login page must not stay underneath) at `from` or 首页. */
export function afterLogin(from: string | undefined): void {
  const target = from && Object.prototype.hasOwnProperty.call(pagePaths, from) ? (from as PageName) : 'home'
  void Taro.reLaunch({ url: urlOf(target, target === 'home' ? {} : carriedQuery(Taro.getCurrentInstance().router?.params)) })
}

/** The parameters a page is opened with from outside the app: `id` (share cards) and `scene` (mini-program codes). */
function carriedQuery(params: Record<string, string | undefined> | undefined): Query {
  const decode = (v: string | undefined) => (v === undefined ? undefined : decodeURIComponent(v))
  return { id: decode(params?.id), scene: decode(params?.scene) }
}

/** Replaces the current page (e.g. a saved form by what it created). */
export function replaceWith(name: PageName, query?: Query): void {
  void Taro.redirectTo({ url: urlOf(name, query) })
}

/**
 * Moves between sections of the staff console (the desk's side navigation): tab pages are switched to; another
 * page replaces the current one, so going round the sections never stacks pages up — except from a tab page,
 * which cannot be replaced.
 */
export function switchSection(name: PageName): void {
  const current = pageNameOf(Taro.getCurrentInstance().router?.path)
  if (isTabPage(name)) void Taro.switchTab({ url: urlOf(name) })
  else if (current && isTabPage(current)) void Taro.navigateTo({ url: urlOf(name) })
  else void Taro.redirectTo({ url: urlOf(name) })
}
