import { Image, RichText, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { routes } from '@linli/shared'
import { call } from '../../../api'
import { ActivityCard } from '../../../components/ActivityCard'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { PollCard } from '../../../components/PollCard'
import { ErrorState, LoadingState } from '../../../components/States'
import { ToneChip } from '../../../components/ToneChip'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { useCachedMe } from '../../../stores/session'
import { articleKindLabel, articleMetaLine, articleStatusChip, bodyForRichText } from '../../../lib/articles'
import { goTo } from '../../../navigation'
import { pagePaths } from '../../../paths'
import './index.css'

/** A resident reads an article: cover, title, when, how many read it, the body, and the activity or consultation it is about. */
export default function ArticlePage() {
  const loggedIn = useRequireLogin('article')
  const id = Number(useRouter().params.id)
  const { state, reload } = useResource(() => call(routes.getArticle, { params: { id } }), { enabled: loggedIn && id > 0, key: id })
  const article = state.data
  const pollId = article?.pollId ?? 0
  // The linked consultation as I see it (phase, whether I voted); not shown while it is a draft residents cannot open.
  const linkedPoll = useResource(() => call(routes.getPoll, { params: { id: pollId } }), { enabled: pollId > 0, key: pollId })
  const me = useCachedMe()
  usePullRefresh(() => Promise.all([reload(), pollId > 0 ? linkedPoll.reload() : null]))

  // The card a chat or the timeline shows: the title and the cover.
  useShareAppMessage(() => ({ title: article?.title ?? '社区文章', path: `/${pagePaths.article}?id=${id}`, imageUrl: article?.coverUrl ?? undefined }))
  useShareTimeline(() => ({ title: article?.title ?? '社区文章', query: `id=${id}`, imageUrl: article?.coverUrl ?? undefined }))

  if (!article) {
    return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} title='没能打开这篇文章' /> : <LoadingState cards={1} />}</Page>
  }

  const activity = article.activity
  const canJoin = activity && ['open', 'waitlist', 'not_open'].includes(activity.seatState)
  const footer = canJoin ? (
    <Button id='article-signup' type='primary' size='xlarge' block onClick={() => goTo('activityDetail', { id: activity.id })}>
      {activity.seatState === 'not_open' ? '查看活动，到时报名' : activity.seatState === 'waitlist' ? '去活动页候补' : '去报名这个活动'}
    </Button>
  ) : undefined
  const chip = articleStatusChip(article.status)
  const poll = article.pollId ? linkedPoll.state.data : undefined

  return (
    <Page footer={footer}>
      {article.coverUrl ? <Image id='article-cover' className='article-cover' src={article.coverUrl} mode='aspectFill' /> : null}
      <View className='ll-body'>
        <View className='activity-card-top'>
          <Text className='activity-category'>{articleKindLabel(article)}</Text>
          {article.status !== 'published' ? <ToneChip id='article-status' label={chip.label} tone={chip.tone} /> : null}
        </View>
        <Text id='article-title' className='ll-title article-title'>
          {article.title}
        </Text>
        <Text className='ll-secondary article-author'>{article.author}</Text>
        <Text id='article-meta' className='ll-secondary article-meta'>
          {articleMetaLine(article)}
        </Text>
        <View id='article-body' className='article-body'>
          <RichText nodes={bodyForRichText(article.body)} />
        </View>
        {activity ? (
          <View id='article-activity' className='article-activity'>
            <Text className='ll-section-title'>文中的活动</Text>
            <ActivityCard activity={activity} onOpen={() => goTo('activityDetail', { id: activity.id })} />
          </View>
        ) : null}
        {poll ? (
          <View id='article-poll' className='article-activity'>
            <Text className='ll-section-title'>文中的议事投票</Text>
            <PollCard
              poll={poll}
              voter={poll.voted || poll.eligibility.eligible || Boolean(me?.residencies.some((r) => r.household.communityId === poll.communityId))}
              onOpen={() => goTo('poll', { id: poll.id })}
            />
          </View>
        ) : null}
        {process.env.TARO_ENV === 'weapp' ? <Text className='ll-secondary article-share'>点右上角 ··· 可以转发给邻居或分享到朋友圈</Text> : null}
        {article.canManage ? (
          <Button id='article-edit' className='article-edit' size='large' block fill='outline' onClick={() => goTo('articleForm', { id: article.id })}>
            修改这篇文章
          </Button>
        ) : null}
      </View>
    </Page>
  )
}
