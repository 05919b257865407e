import Taro from '@tarojs/taro'
import { displayRootProps, displayStore, setElderMode } from './display'

describe('大字模式 (elder mode)', () => {
  afterEach(() => setElderMode(false))

  it('is off by default and gives the normal root class', () => {
    expect(displayStore.get().elderMode).toBe(false)
    expect(displayRootProps(displayStore.get())).toEqual({ className: 'll-root', style: { '--ll-scale': '1' } })
  })

  it('switches the root class and tells subscribers', () => {
    const seen: boolean[] = []
    const unsubscribe = displayStore.subscribe(() => seen.push(displayStore.get().elderMode))

    setElderMode(true)
    unsubscribe()

    expect(seen).toEqual([true])
    expect(displayRootProps(displayStore.get()).className).toBe('ll-root ll-elder')
  })

  it('is remembered on this phone across app launches', () => {
    setElderMode(true)
    expect(Taro.getStorageSync('linli.elderMode')).toBe(true)

    jest.isolateModules(() => {
      // A fresh start of the app reads the stored choice.
      const fresh = jest.requireActual<typeof import('./display')>('./display')
      expect(fresh.displayStore.get().elderMode).toBe(true)
    })
  })

  it("follows WeChat's font size in the mini-program only", () => {
    const { readWechatFontScale } = jest.requireActual<typeof import('./display')>('./display')
    expect(readWechatFontScale()).toBe(1)

    const original = Taro.getAppBaseInfo
    process.env.TARO_ENV = 'weapp'
    Taro.getAppBaseInfo = (() => ({ fontSizeScaleFactor: 1.3 })) as unknown as typeof Taro.getAppBaseInfo
    try {
      expect(readWechatFontScale()).toBe(1.3)
      expect(displayRootProps({ elderMode: false, fontScale: 1.3 }).style).toEqual({ '--ll-scale': '1.3' })
    } finally {
      process.env.TARO_ENV = 'h5'
      Taro.getAppBaseInfo = original
    }
  })
})
