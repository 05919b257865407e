import { useCallback, useEffect, useRef, useState } from 'react'

export type Resource<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown }

export interface ResourceHandle<T> {
  state: Resource<T>
  /** Loads again; keeps showing the current data while it does. Resolves when done, never rejects. */
  reload: () => Promise<void>
  /** Replaces the data locally, e.g. with what an action returned. */
  setData: (data: T) => void
}

/**
 * One server read with loading / error / ready states. Answers that arrive after a newer request
 * started are dropped (WeChat has no AbortController, so we ignore rather than cancel).
 */
export function useResource<T>(
  load: () => Promise<T>,
  options: { initial?: T; enabled?: boolean; key?: string | number } = {},
): ResourceHandle<T> {
  const { initial, enabled = true, key } = options
  const [state, setState] = useState<Resource<T>>(
    initial === undefined ? { status: 'loading', data: undefined, error: undefined } : { status: 'ready', data: initial, error: undefined },
  )
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((prev) => (prev.status === 'ready' ? prev : { status: 'loading', data: prev.data, error: undefined }))
    try {
      const data = await loadRef.current()
      if (ticket === latest.current) setState({ status: 'ready', data, error: undefined })
    } catch (error) {
      if (ticket === latest.current) setState((prev) => ({ status: 'error', data: prev.data, error }))
    }
  }, [])

  const setData = useCallback((data: T) => {
    latest.current++
    setState({ status: 'ready', data, error: undefined })
  }, [])

  // A new key (e.g. another community) starts over: no stale data from the previous one.
  const shownKey = useRef(key)
  useEffect(() => {
    if (shownKey.current !== key) {
      shownKey.current = key
      setState({ status: 'loading', data: undefined, error: undefined })
    }
    if (enabled) void reload()
  }, [enabled, reload, key])

  return { state, reload, setData }
}
