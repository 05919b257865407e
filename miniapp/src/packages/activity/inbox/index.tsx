import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { routes, type InboxItem } from '@linli/shared'
import { call } from '../../../api'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { goTo } from '../../../navigation'
import './index.css'

const PAGE_SIZE = 20

function Message({ item }: { item: InboxItem }) {
  const open = item.activityId ? () => goTo('activityDetail', { id: item.activityId ?? undefined }) : undefined
  return (
    <View id={`inbox-${item.id}`} className={item.readAt ? 'll-card inbox-item' : 'll-card inbox-item inbox-unread'} onClick={open}>
      <View className='ll-card-row'>
        <Text className='ll-heading inbox-title'>{item.title}</Text>
        {item.readAt ? null : <Text className='ll-chip ll-chip-pending'>新消息</Text>}
      </View>
      <Text className='ll-text inbox-body'>{item.body}</Text>
      <Text className='ll-secondary'>{formatDateTime(item.createdAt)}</Text>
      {open ? <Text className='activity-more'>查看活动 ›</Text> : null}
    </View>
  )
}

export default function InboxPage() {
  const loggedIn = useRequireLogin('inbox')
  const list = usePagedList((page) => call(routes.myInbox, { query: { page, pageSize: PAGE_SIZE } }), loggedIn ? 'inbox' : 'logged-out')
  usePullRefresh(list.refresh)
  useReachBottom(() => {
    void list.loadMore()
  })

  const body = () => {
    if (list.status === 'loading') return <LoadingState />
    if (list.status === 'error' && !list.items.length) return <ErrorState error={list.error} onRetry={list.refresh} />
    if (!list.items.length) {
      return <EmptyState title='还没有消息' description='报名成功、候补有了空位、活动改时间或取消时，都会在这里告诉您。' />
    }
    const items = [...list.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    return (
      <View id='inbox-list'>
        {items.map((item) => (
          <Message key={item.id} item={item} />
        ))}
        <ListFooter list={list} />
      </View>
    )
  }

  return (
    <Page>
      <View className='ll-body'>{body()}</View>
    </Page>
  )
}
