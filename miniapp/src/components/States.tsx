import type { ReactElement, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { messageOf } from '../api/errors'
import type { PagedList } from '../hooks/usePagedList'
import type { Resource, ResourceHandle } from '../hooks/useResource'
import { Button, Empty, Skeleton } from './nutui'

/** Skeleton cards with a word, so a slow phone never looks broken. */
export function LoadingState({ cards = 2, label = '正在加载…' }: { cards?: number; label?: string }) {
  return (
    <View className='ll-loading' aria-busy='true'>
      <Text className='ll-secondary'>{label}</Text>
      {Array.from({ length: cards }, (_, i) => (
        <View className='ll-skeleton-card' key={i}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  )
}

function Symbol({ children }: { children: string }) {
  return <View className='ll-state-symbol'>{children}</View>
}

/** Why it is empty and what to do about it. */
export function EmptyState({ title, description, action }: { title: string; description: string; action?: ReactNode }) {
  return (
    <Empty className='ll-state' image={<Symbol>空</Symbol>} title={<Text className='ll-heading'>{title}</Text>} description={<Text className='ll-secondary'>{description}</Text>}>
      {action}
    </Empty>
  )
}

/** What went wrong, in the server's words, and a 重试 button. */
export function ErrorState({ error, onRetry, title = '没能加载出来' }: { error: unknown; onRetry: () => void; title?: string }) {
  return (
    <Empty className='ll-state' image={<Symbol>!</Symbol>} title={<Text className='ll-heading'>{title}</Text>} description={<Text className='ll-secondary'>{messageOf(error)}</Text>}>
      <Button type='primary' size='large' onClick={onRetry}>
        重试
      </Button>
    </Empty>
  )
}

/** The end of a paged list: the error of the last page if any, then 加载更多 (重试 after an error) or 已经全部显示了. */
export function ListFooter({ list, loadMoreId }: { list: Pick<PagedList<unknown>, 'status' | 'error' | 'hasMore' | 'loadMore'>; loadMoreId?: string }) {
  return (
    <>
      {list.status === 'error' ? (
        <View className='ll-notice ll-notice-error ll-list-error' role='alert'>
          <Text className='ll-text'>{messageOf(list.error)}</Text>
        </View>
      ) : null}
      {list.hasMore ? (
        <Button id={loadMoreId} size='large' block fill='outline' loading={list.status === 'more'} onClick={list.loadMore}>
          {list.status === 'error' ? '重试' : '加载更多'}
        </Button>
      ) : (
        <Text className='ll-secondary ll-list-end'>已经全部显示了</Text>
      )}
    </>
  )
}

interface PagedListBodyProps {
  list: Pick<PagedList<unknown>, 'items' | 'status' | 'error' | 'hasMore' | 'refresh' | 'loadMore'>
  id: string
  loadMoreId?: string
  /** Why the list is empty and what to do about it; `refresh` adds a 刷新 button. */
  empty: { title: string; description: string; refresh?: boolean }
  /** Who I am, when the list waits for it. */
  me?: Resource<unknown>
  /** The items (shown once there are some), above ListFooter. */
  children: ReactNode
}

/** A paged list's body: loading, what failed with 重试, why it is empty, or the items and the list's end. */
export function PagedListBody({ list, id, loadMoreId, empty, me, children }: PagedListBodyProps) {
  if (me && !me.data && me.status === 'error') return <ErrorState error={me.error} onRetry={list.refresh} />
  if ((me && !me.data) || list.status === 'loading') return <LoadingState />
  if (list.status === 'error' && !list.items.length) return <ErrorState error={list.error} onRetry={list.refresh} />
  if (!list.items.length) {
    const action = empty.refresh ? (
      <Button size='large' fill='outline' onClick={list.refresh}>
        刷新
      </Button>
    ) : undefined
    return <EmptyState title={empty.title} description={empty.description} action={action} />
  }
  return (
    <View id={id}>
      {children}
      <ListFooter list={list} loadMoreId={loadMoreId} />
    </View>
  )
}

/** A list read with useResource as it loads: a skeleton, 重试 on an error, `empty` when there is nothing, else the items. */
export function ResourceBody<T>({ resource, loading, empty, children }: { resource: ResourceHandle<T[]>; loading: string; empty: ReactElement; children: (items: T[]) => ReactElement }) {
  const { state, reload } = resource
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={reload} />
  if (state.status === 'loading' || !state.data) return <LoadingState cards={1} label={loading} />
  if (!state.data.length) return empty
  return children(state.data)
}

/**
 * A page of rows (`{ items }`) read with useResource: a skeleton while the first page loads, 重试 on an error, `empty`
 * when there is nothing, else the rows. A page already on screen stays while the next one loads or fails to.
 */
export function RowsBody<T>({ state, onRetry, empty, children }: { state: Resource<{ items: T[] }>; onRetry: () => void; empty: ReactElement; children: (rows: T[]) => ReactNode }) {
  const data = state.data
  if (state.status === 'loading' && !data) return <LoadingState />
  if (state.status === 'error' && !data) return <ErrorState error={state.error} onRetry={onRetry} />
  if (!data || data.items.length === 0) return empty
  return <>{children(data.items)}</>
}
