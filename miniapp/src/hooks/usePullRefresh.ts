import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull down to reload (the page config must set enablePullDownRefresh). */
export function usePullRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
