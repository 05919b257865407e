import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { routes, type InboxItem } from '@linli/shared'
import { call } from '../../../api'
import { Page } from '../../../components/Page'
import { PagedListBody } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePagedListGestures } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { goTo } from '../../../navigation'
import type { PageName } from '../../../paths'
import './index.css'

const PAGE_SIZE = 20

/** Where a notice leads: its activity or consultation, or the page of the request or wish it is about. */
function linkOf(item: InboxItem): { page: PageName; query?: Record<string, number>; label: string } | null {
  if (item.activityId) return { page: 'activityDetail', query: { id: item.activityId }, label: '查看活动 ›' }
  if (item.pollId) return { page: 'poll', query: { id: item.pollId }, label: '查看投票 ›' }
  if (item.kind === 'service_request') return { page: 'myServiceRequests', label: '查看求助 ›' }
  if (item.kind === 'wish') return { page: 'wishes', label: '查看心愿 ›' }
  return null
}

/** Unread stands out three ways at once: a dot, a bold title and the word 新消息, not colour alone. */
function Message({ item }: { item: InboxItem }) {
  const target = linkOf(item)
  const open = target ? () => goTo(target.page, target.query) : undefined
  const unread = !item.readAt
  return (
    <View id={`inbox-${item.id}`} className={unread ? 'll-card inbox-item inbox-unread' : 'll-card inbox-item'} onClick={open}>
      <View className='ll-card-row'>
        {unread ? <Text className='inbox-dot'>●</Text> : null}
        <Text className={unread ? 'll-heading inbox-title inbox-title-unread' : 'll-heading inbox-title'}>{item.title}</Text>
        {unread ? <Text className='ll-chip ll-chip-pending'>新消息</Text> : null}
      </View>
      <Text className='ll-text inbox-body'>{item.body}</Text>
      <Text className='ll-secondary'>{formatDateTime(item.createdAt)}</Text>
      {target ? <Text className='activity-more'>{target.label}</Text> : null}
    </View>
  )
}

/**
 * What the page has shown is read: the server is told once per item, while the page keeps showing them as new
 * until it loads again, so the resident still sees which ones just came in.
 */
function useMarkShownRead(items: InboxItem[]) {
  const told = useRef(new Set<number>())
  useEffect(() => {
    const ids = items.filter((item) => !item.readAt && !told.current.has(item.id)).map((item) => item.id)
    if (!ids.length) return
    ids.forEach((id) => told.current.add(id))
    call(routes.markInboxRead, { body: { ids } }).catch(() => {
      // Nothing to show the resident: the items stay unread and are marked the next time they are shown.
      ids.forEach((id) => told.current.delete(id))
    })
  }, [items])
}

export default function InboxPage() {
  const loggedIn = useRequireLogin('inbox')
  const list = usePagedList((page) => call(routes.myInbox, { query: { page, pageSize: PAGE_SIZE } }), loggedIn ? 'inbox' : 'logged-out')
  usePagedListGestures(list)
  // Back on the page (from an activity it links to): new notices may have come in.
  useDidShow(() => {
    if (list.status === 'idle') void list.refresh()
  })
  useMarkShownRead(list.items)

  const items = [...list.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))

  return (
    <Page>
      <View className='ll-body'>
        <PagedListBody list={list} id='inbox-list' empty={{ title: '还没有消息', description: '报名成功、候补有了空位、活动改时间或取消时，都会在这里告诉您。' }}>
          {items.map((item) => (
            <Message key={item.id} item={item} />
          ))}
        </PagedListBody>
      </View>
    </Page>
  )
}
