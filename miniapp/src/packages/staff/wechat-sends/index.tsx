import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { routes, type FailedWechatSend } from '@linli/shared'
import { call } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useMe } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { goTo } from '../../../navigation'

const KIND_LABELS: Record<FailedWechatSend['key'], string> = {
  signup_result: '报名结果',
  waitlist_offer: '候补空位',
  activity_reminder: '活动提醒',
  activity_changed: '活动变更或取消',
  consultation_opened: '议事开始',
  consultation_result: '议事结果',
  service_request: '求助进度',
}

/**
 * Staff: WeChat reminders that could not be delivered, or may have been without WeChat confirming it (never sent
 * twice), about their communities' activities and consultations. The same notice is always in the resident's
 * 我的消息; this list says who may not have seen it, and why.
 */
export default function StaffWechatSendsPage() {
  const { state } = useMe('staffWechatSends')
  const me = state.data
  const list = usePagedList((page) => call(routes.failedWechatSends, { query: { page, pageSize: 20 } }), 'failed', Boolean(me))
  usePullRefresh(list.refresh)
  useReachBottom(() => {
    void list.loadMore()
  })

  const body = () => {
    if (!me && state.status === 'error') return <ErrorState error={state.error} onRetry={list.refresh} />
    if (!me || list.status === 'loading') return <LoadingState />
    if (list.status === 'error' && !list.items.length) return <ErrorState error={list.error} onRetry={list.refresh} />
    if (!list.items.length) return <EmptyState title='没有发送失败的微信提醒' description='所有微信提醒都已发出。居民也总能在“我的消息”里看到通知。' />
    return (
      <View id='wechat-send-list'>
        {list.items.map((s) => (
          <View key={s.id} id={`wechat-send-${s.id}`} className='ll-card'>
            <View className='ll-card-row'>
              <Text className='ll-heading'>
                {KIND_LABELS[s.key]}：{s.subject}
              </Text>
              <Text id={`wechat-send-status-${s.id}`} className={s.status === 'uncertain' ? 'll-chip ll-chip-pending' : 'll-chip ll-chip-rejected'}>
                {s.status === 'uncertain' ? '可能已发送，未确认' : '没发出'}
              </Text>
            </View>
            <Text className='ll-text'>居民：{s.nickname || '（已注销）'}</Text>
            <Text className='ll-text'>原因：{s.reason}</Text>
            <Text className='ll-secondary'>
              {formatDateTime(s.updatedAt)} · 试了 {s.attempts} 次
            </Text>
            {s.activityId !== null ? (
              <Button id={`wechat-send-open-${s.id}`} size='large' fill='outline' onClick={() => goTo('activityDetail', { id: s.activityId! })}>
                查看活动
              </Button>
            ) : s.pollId !== null ? (
              <Button id={`wechat-send-open-${s.id}`} size='large' fill='outline' onClick={() => goTo('poll', { id: s.pollId! })}>
                查看议事
              </Button>
            ) : null}
          </View>
        ))}
        <ListFooter list={list} loadMoreId='wechat-sends-more' />
      </View>
    )
  }

  return (
    <Page>
      <StaffFrame current='staffWechatSends'>
        <View className='ll-body'>
          <View className='ll-notice' role='note'>
            <Text className='ll-text'>
              这些微信提醒没能发出，或者发出后没收到微信的确认（为免重复不会再发）。通知本身都在居民的“我的消息”里；重要的事请打电话或上门告知。
            </Text>
          </View>
          {body()}
        </View>
      </StaffFrame>
    </Page>
  )
}
