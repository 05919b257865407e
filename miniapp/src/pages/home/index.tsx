import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { routes, staffToolsFor, type ArticleSummary, type Feed } from '@linli/shared'
import { call } from '../../api'
import { ActivityCard } from '../../components/ActivityCard'
import { ArticleCard } from '../../components/ArticleCard'
import { LinkCell } from '../../components/LinkCell'
import { Button } from '../../components/nutui'
import { Page } from '../../components/Page'
import { ResidencyCard } from '../../components/ResidencyCard'
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../components/States'
import { usePagedList } from '../../hooks/usePagedList'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../hooks/useSession'
import { formatDateTime, greeting } from '../../lib/format'
import { residencyStateOf } from '../../lib/residency'
import { goTo } from '../../navigation'
import './index.css'

const PAGE_SIZE = 10
type Sections = Omit<Feed, 'articles'>

/** 首页: one feed for my community — pinned notices, activities I can still join, open votes, the latest articles. */
export default function HomePage() {
  const { state, reload } = useMe('home')
  const me = state.data
  // Page 1 of the feed carries every section; later pages only more articles.
  const [sections, setSections] = useState<Sections | null>(null)
  const articles = usePagedList<ArticleSummary>(
    async (page) => {
      const feed = await call(routes.feed, { query: { page, pageSize: PAGE_SIZE } })
      if (page === 1) {
        setSections({ pinned: feed.pinned, activities: feed.activities, polls: feed.polls })
      }
      return feed.articles
    },
    String(me?.id ?? 0),
    Boolean(me),
  )
  usePullRefresh(() => Promise.all([reload(), articles.refresh()]))
  useReachBottom(() => {
    void articles.loadMore()
  })

  if (!me) {
    return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />}</Page>
  }

  const needsClaim = ['none', 'rejected'].includes(residencyStateOf(me).kind)
  const staff = staffToolsFor(me.grants).length > 0
  // One main action: staff open their 工作台; residents without a household claim one.
  const footer = staff ? (
    <Button id='home-staff-entry' type='primary' size='xlarge' block onClick={() => goTo('staffHome')}>
      进入工作台
    </Button>
  ) : needsClaim ? (
    <Button id='home-claim' type='primary' size='xlarge' block onClick={() => goTo('claimHousehold')}>
      认证我的住户
    </Button>
  ) : undefined

  const feed = () => {
    // A screen tall, so the 常用 links below start off-screen and the feed arriving moves nothing in view (layout shift).
    if (articles.status === 'loading' && !sections) {
      return (
        <View className='home-feed-loading'>
          <LoadingState />
        </View>
      )
    }
    if (articles.status === 'error' && !sections) return <ErrorState error={articles.error} onRetry={articles.refresh} />
    const s = sections ?? { pinned: [], activities: [], polls: [] }
    const nothing = !s.pinned.length && !s.activities.length && !s.polls.length && !articles.items.length
    if (nothing) {
      return (
        <EmptyState
          title='社区里暂时没有新消息'
          description={me.verified ? '居委会发布通知、活动和投票后，会第一时间出现在这里。' : '认证住户后，这里会显示您所在社区的通知、活动和投票。'}
          action={
            <Button size='large' fill='outline' onClick={articles.refresh}>
              刷新
            </Button>
          }
        />
      )
    }
    return (
      <View id='home-feed'>
        {s.pinned.length ? (
          <View id='feed-pinned'>
            <Text className='ll-section-title'>置顶通知</Text>
            {s.pinned.map((a) => (
              <ArticleCard key={a.id} article={a} onOpen={() => goTo('article', { id: a.id })} />
            ))}
          </View>
        ) : null}
        {s.activities.length ? (
          <View id='feed-activities'>
            <Text className='ll-section-title'>近期活动，还能报名</Text>
            {s.activities.map((a) => (
              <ActivityCard key={a.id} activity={a} onOpen={() => goTo('activityDetail', { id: a.id })} />
            ))}
            <Text id='feed-all-activities' className='ll-link home-more' onClick={() => goTo('activities')}>
              看全部活动 ›
            </Text>
          </View>
        ) : null}
        {s.polls.length ? (
          <View id='feed-polls'>
            <Text className='ll-section-title'>正在投票</Text>
            {s.polls.map((p) => (
              <View key={p.id} id={`feed-poll-${p.id}`} className='ll-card home-poll' hoverClass='activity-card-pressed' onClick={() => goTo('poll', { id: p.id })}>
                <Text className='activity-category'>议事投票</Text>
                <Text className='ll-heading activity-title'>{p.title}</Text>
                <Text className='ll-text activity-line'>{formatDateTime(p.closesAt)} 截止</Text>
                <Text className='activity-more'>去看看 ›</Text>
              </View>
            ))}
          </View>
        ) : null}
        <View id='feed-articles'>
          <Text className='ll-section-title'>社区文章</Text>
          {articles.items.length ? (
            articles.items.map((a) => <ArticleCard key={a.id} article={a} onOpen={() => goTo('article', { id: a.id })} />)
          ) : (
            <Text className='ll-secondary'>还没有文章</Text>
          )}
          {articles.items.length ? <ListFooter list={articles} loadMoreId='feed-load-more' /> : null}
        </View>
      </View>
    )
  }

  return (
    <Page footer={footer}>
      <View className='ll-body'>
        <Text className='ll-title'>
          {greeting()}，{me.nickname}
        </Text>
        <ResidencyCard me={me} id='home-residency' action={staff ? 'secondary' : 'none'} />
        {feed()}
        <Text className='ll-section-title'>常用</Text>
        <LinkCell id='home-activities' title='全部活动' description='太极、义诊、讲座等，在手机上就能报名，还能带家人' onClick={() => goTo('activities')} />
        <LinkCell id='home-signups' title='我的报名' description='报过的活动和签到码' onClick={() => goTo('mySignups')} />
        <LinkCell id='home-inbox' title='消息' description='报名结果、候补空位、活动变动的通知' onClick={() => goTo('inbox')} />
        <LinkCell id='home-ask-help' title='找社区帮忙' description='助餐、助洁、陪诊、维修……点一下就能告诉社区' onClick={() => goTo('askForHelp')} />
        <LinkCell id='home-polls' title='议事投票' description='小区里的大事小事，大家一起商量、投票，结果公开' onClick={() => goTo('consult')} />
      </View>
    </Page>
  )
}
