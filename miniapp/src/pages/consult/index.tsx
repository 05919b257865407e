import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes } from '@linli/shared'
import { call } from '../../api'
import { Button, TabPane, Tabs } from '../../components/nutui'
import { Page } from '../../components/Page'
import { StaffFrame } from '../../components/StaffFrame'
import { PollCard } from '../../components/PollCard'
import { PagedListBody } from '../../components/States'
import { usePagedList } from '../../hooks/usePagedList'
import { usePagedListGestures } from '../../hooks/usePullRefresh'
import { useMe } from '../../hooks/useSession'
import { managesPolls } from '../../lib/polls'
import { goTo } from '../../navigation'
import './index.css'

const PAGE_SIZE = 10
type State = 'open' | 'closed' | 'all'
const STATES: { state: State; title: string; empty: string; description: string }[] = [
  { state: 'open', title: '进行中', empty: '现在没有进行中的投票', description: '居委会发起议事投票后，会出现在这里，也会发消息告诉您。' },
  { state: 'closed', title: '已结束', empty: '还没有结束的投票', description: '投票结束后，结果和公示会出现在这里。' },
  { state: 'all', title: '全部（含草稿）', empty: '还没有发起过议事投票', description: '点下面的“发起议事投票”，写好议题和选项，先存为草稿。' },
]

/** 议事: my community's consultations, open ones first; committee staff see and start theirs here too. */
export default function ConsultPage() {
  const { state: meState } = useMe('consult')
  const me = meState.data
  const manager = me ? managesPolls(me) : false
  const [state, setState] = useState<State>('open')
  const tabs = manager ? STATES : STATES.filter((s) => s.state !== 'all')
  const filter = tabs.find((s) => s.state === state) ?? tabs[0]
  const list = usePagedList(
    (page) => call(routes.listPolls, { query: { state, page, pageSize: PAGE_SIZE, manage: manager ? 'true' : undefined } }),
    `${state}/${manager}`,
    Boolean(me),
  )

  const homes = new Set(me?.residencies.map((r) => r.household.communityId))
  usePagedListGestures(list)

  const footer = manager ? (
    <Button id='poll-create' type='primary' size='xlarge' block onClick={() => goTo('pollForm')}>
      发起议事投票
    </Button>
  ) : undefined

  return (
    <Page footer={footer}>
      <StaffFrame current='consult'>
        <Tabs value={state} onChange={(value) => setState(value as State)} activeType='line' align='left' autoHeight>
          {tabs.map((s) => (
            <TabPane key={s.state} title={s.title} value={s.state} />
          ))}
        </Tabs>
        <View className='ll-body'>
          {me && !me.verified && !manager ? (
            <View className='ll-notice' id='poll-verify-prompt'>
              <Text className='ll-text'>议事投票只请本社区的认证居民参加。您还没有认证住户，认证后就能看到并参加您社区的投票。</Text>
              <Text className='ll-link consult-verify-link' onClick={() => goTo('claimHousehold')}>
                去认证我的住户 ›
              </Text>
            </View>
          ) : null}
          <PagedListBody list={list} me={meState} id='poll-list' loadMoreId='poll-load-more' empty={{ title: filter.empty, description: filter.description, refresh: true }}>
            {list.items.map((poll) => (
              <PollCard key={poll.id} poll={poll} voter={homes.has(poll.communityId)} onOpen={() => goTo('poll', { id: poll.id })} />
            ))}
          </PagedListBody>
        </View>
      </StaffFrame>
    </Page>
  )
}
