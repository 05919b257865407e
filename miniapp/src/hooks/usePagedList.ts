import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@linli/shared'

export interface PagedList<T> {
  items: T[]
  total: number
  /** loading: first page; more: a later page; refreshing: first page again with items shown. */
  status: 'loading' | 'refreshing' | 'more' | 'idle' | 'error'
  error: unknown
  hasMore: boolean
  refresh: () => Promise<void>
  loadMore: () => Promise<void>
  updateItem: (match: (item: T) => boolean, next: T) => void
}

/**
 * A server list loaded page by page (load more on scroll and with a button). `key` changes start over;
 * nothing loads while `enabled` is false (e.g. until the page knows who I am).
 */
export function usePagedList<T>(loadPage: (page: number) => Promise<Page<T>>, key: string, enabled = true): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [error, setError] = useState<unknown>(undefined)
  const ticket = useRef(0)
  const busy = useRef(false)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const fetchPage = useCallback(async (next: number, mode: 'loading' | 'refreshing' | 'more') => {
    const mine = ++ticket.current
    busy.current = true
    setStatus(mode)
    setError(undefined)
    try {
      const result = await loadRef.current(next)
      if (mine !== ticket.current) return
      setItems((prev) => (next === 1 ? result.items : [...prev, ...result.items]))
      setTotal(result.total)
      setPage(result.page)
      setStatus('idle')
    } catch (err) {
      if (mine !== ticket.current) return
      setError(err)
      setStatus('error')
    } finally {
      if (mine === ticket.current) busy.current = false
    }
  }, [])

  useEffect(() => {
    setItems([])
    setTotal(0)
    setPage(0)
    if (enabled) void fetchPage(1, 'loading')
    else setStatus('loading')
  }, [key, enabled, fetchPage])

  const hasMore = items.length < total

  const refresh = useCallback(() => fetchPage(1, items.length ? 'refreshing' : 'loading'), [fetchPage, items.length])
  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    await fetchPage(page + 1, 'more')
  }, [fetchPage, hasMore, page])

  const updateItem = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)))
  }, [])

  return { items, total, status, error, hasMore, refresh, loadMore, updateItem }
}
