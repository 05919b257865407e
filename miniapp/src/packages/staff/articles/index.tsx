import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { articleStatusLabels, routes, type ArticleStatus, type ArticleSummary } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ArticleCard } from '../../../components/ArticleCard'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button, TabPane, Tabs } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useMe } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import './index.css'

const FILTERS: { key: ArticleStatus | 'all'; title: string }[] = [
  { key: 'all', title: '全部' },
  { key: 'draft', title: articleStatusLabels.draft },
  { key: 'scheduled', title: '定时' },
  { key: 'published', title: articleStatusLabels.published },
  { key: 'withdrawn', title: articleStatusLabels.withdrawn },
]

/** Staff: every article they manage, by state; open, edit, or withdraw (after a confirmation). */
export default function StaffArticlesPage() {
  const { state } = useMe('staffArticles')
  const me = state.data
  const [filter, setFilter] = useState<ArticleStatus | 'all'>('all')
  const [withdrawing, setWithdrawing] = useState<ArticleSummary | null>(null)
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()
  const list = usePagedList(
    (page) => call(routes.listArticles, { query: { manage: 'true', status: filter === 'all' ? undefined : filter, page, pageSize: 10 } }),
    filter,
    Boolean(me),
  )
  usePullRefresh(list.refresh)
  useReachBottom(() => {
    void list.loadMore()
  })
  // Back from the editor: show what was saved.
  useDidShow(() => {
    if (list.items.length) void list.refresh()
  })

  const withdraw = async () => {
    if (!withdrawing) return
    try {
      const done = await call(routes.withdrawArticle, { params: { id: withdrawing.id } })
      list.updateItem((a) => a.id === done.id, done)
      setNotice({ ok: true, text: `已撤回「${done.title}」，居民看不到了。` })
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    }
  }

  const body = () => {
    if (!me && state.status === 'error') return <ErrorState error={state.error} onRetry={list.refresh} />
    if (!me || list.status === 'loading') return <LoadingState />
    if (list.status === 'error' && !list.items.length) return <ErrorState error={list.error} onRetry={list.refresh} />
    if (!list.items.length) {
      return <EmptyState title='这里还没有文章' description='点下面的“写新文章”，写一篇通知、活动预告或活动回顾。' />
    }
    return (
      <View id='staff-article-list'>
        {list.items.map((a) => (
          <View key={a.id} className='staff-article'>
            <ArticleCard article={a} showStatus onOpen={() => goTo('article', { id: a.id })} />
            <View className='ll-button-row staff-article-actions'>
              <Button id={`article-edit-${a.id}`} size='large' fill='outline' onClick={() => goTo('articleForm', { id: a.id })}>
                修改
              </Button>
              {a.status === 'published' || a.status === 'scheduled' ? (
                <Button id={`article-withdraw-${a.id}`} size='large' fill='outline' type='danger' onClick={() => setWithdrawing(a)}>
                  撤回
                </Button>
              ) : null}
            </View>
          </View>
        ))}
        <ListFooter list={list} loadMoreId='staff-articles-more' />
      </View>
    )
  }

  return (
    <Page
      footer={
        <Button id='article-create' type='primary' size='xlarge' block onClick={() => goTo('articleForm')}>
          写新文章
        </Button>
      }
    >
      <StaffFrame current='staffArticles'>
        <Tabs value={filter} onChange={(value) => setFilter(value as ArticleStatus | 'all')} activeType='line' align='left' autoHeight>
          {FILTERS.map((f) => (
            <TabPane key={f.key} title={f.title} value={f.key} />
          ))}
        </Tabs>
        <View className='ll-body'>
          {notice ? (
            <View id='staff-articles-notice' className={notice.ok ? 'll-notice ll-notice-done' : 'll-notice ll-notice-error'} role='status'>
              <Text className='ll-text'>{notice.text}</Text>
            </View>
          ) : null}
          {body()}
        </View>
        <ConfirmDialog
          visible={withdrawing !== null}
          title='撤回这篇文章？'
          text={withdrawing ? `撤回后，居民就看不到「${withdrawing.title}」了。以后可以修改后重新发布。` : ''}
          confirmId='article-withdraw-confirm'
          confirmText='确定撤回'
          danger
          onConfirm={withdraw}
          onClose={() => setWithdrawing(null)}
        />
      </StaffFrame>
    </Page>
  )
}
