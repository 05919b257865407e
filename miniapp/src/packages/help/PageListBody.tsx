import type { ReactElement } from 'react'
import { ErrorState, LoadingState } from '../../components/States'
import type { ResourceHandle } from '../../hooks/useResource'

/** A page of items with its loading, error (重试) and empty states; the last data stays while it reloads. */
export function PageListBody<P extends { items: unknown[] }>({
  list,
  empty,
  children,
}: {
  list: ResourceHandle<P>
  empty: ReactElement
  children: (items: P['items']) => ReactElement
}) {
  const { state, reload } = list
  if (state.status === 'loading' && !state.data) return <LoadingState />
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={() => void reload()} />
  if (!state.data?.items.length) return empty
  return children(state.data.items)
}
