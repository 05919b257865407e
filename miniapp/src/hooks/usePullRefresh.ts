import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PagedList } from './usePagedList'

/** Pull down to reload (the page config must set enablePullDownRefresh). */
export function usePullRefresh(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}

/** A page showing a paged list: pull down to reload it, scroll to the bottom for its next page. */
export function usePagedListGestures(list: Pick<PagedList<unknown>, 'refresh' | 'loadMore'>): void {
  usePullRefresh(list.refresh)
  useReachBottom(() => {
    void list.loadMore()
  })
}
