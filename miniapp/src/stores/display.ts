import Taro from '@tarojs/taro'
import { storage } from './storage'
import { createStore, useStore } from './store'

const ELDER_KEY = 'linli.elderMode'

export interface DisplaySettings {
  /** 大字模式: bigger text and taller buttons, chosen in 我的 and remembered on this phone. */
  elderMode: boolean
  /** WeChat's own font size setting (1 = standard); 1 outside WeChat. */
  fontScale: number
}

/** WeChat reports e.g. 1.1–1.4 when the user enlarged text in WeChat's settings. */
export function readWechatFontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  try {
    // Newer WeChat versions report it; Taro's typings do not have it yet.
    const factor = (Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined)?.fontSizeScaleFactor
    return typeof factor === 'number' && factor > 0 ? Math.min(Math.max(factor, 1), 2) : 1
  } catch {
    return 1
  }
}

export const displayStore = createStore<DisplaySettings>({
  elderMode: storage.get<boolean>(ELDER_KEY) === true,
  fontScale: readWechatFontScale(),
})

export function setElderMode(on: boolean): void {
  storage.set(ELDER_KEY, on)
  displayStore.set({ ...displayStore.get(), elderMode: on })
}

export function useDisplay(): DisplaySettings {
  return useStore(displayStore)
}

/** Root class and CSS variables every page applies (see app.css). */
export function displayRootProps(settings: DisplaySettings): { className: string; style: Record<string, string> } {
  return {
    className: settings.elderMode ? 'll-root ll-elder' : 'll-root',
    style: { '--ll-scale': String(settings.fontScale) },
  }
}

/**
 * H5's tab bar is drawn by Taro outside every page's root, so 大字模式 reaches it through a class on <html>
 * (app.css: 22 px words, a 60 px bar). The mini-program's tab bar is WeChat's own and follows WeChat's font size.
 */
export function markDocumentForElderMode(): void {
  if (process.env.TARO_ENV !== 'h5') return
  const mark = () => document.documentElement.classList.toggle('ll-elder-doc', displayStore.get().elderMode)
  mark()
  displayStore.subscribe(mark)
}
