import { useState } from 'react'
import { RichText, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import {
  ballotChannelLabels,
  ballotSecrecyLabels,
  routes,
  type BallotReceipt,
  type Me,
  type PollDetail,
} from '@linli/shared'
import { call, isRetryable, messageOf, useActionAttempt } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ReminderNote } from '../../../components/ReminderNote'
import { Button, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { ToneChip } from '../../../components/ToneChip'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { bodyHasContent } from '../../../lib/articleForm'
import { bodyForRichText } from '../../../lib/articles'
import { formatDateTime, householdLabel } from '../../../lib/format'
import { shareCard } from '../../../lib/share'
import { askForReminders } from '../../../lib/subscribe'
import { checkBallot, electorateLine, pollChip, pollTimeLine, type Selections } from '../../../lib/polls'
import { goTo } from '../../../navigation'
import { useCachedMe } from '../../../stores/session'
import { BallotQuestions } from '../BallotQuestions'
import { ChosenLines } from '../ChosenLines'
import { ResultsView } from '../ResultsView'
import { StaffPanel } from '../StaffPanel'
import { Receipt } from './Receipt'
import '../poll.css'

/** Where my household vote counts: my verified home in the poll's community (and buildings). */
function myHome(me: Me | null, poll: PollDetail): string | null {
  const home = me?.residencies.find(
    (r) => r.household.communityId === poll.communityId && (poll.buildings.length === 0 || poll.buildings.includes(r.household.building)),
  )
  return home ? householdLabel(home.household) : null
}

function MyVote({ poll }: { poll: PollDetail }) {
  if (!poll.myVote) {
    // Once voting is over the chip says so; nothing more to tell someone who did not vote.
    if (poll.phase === 'closed' || poll.phase === 'published') return null
    return (
      <View id='poll-eligibility' className={poll.eligibility.eligible ? 'll-notice ll-notice-done' : 'll-notice'} data-eligible={String(poll.eligibility.eligible)}>
        <Text className='ll-text poll-eligibility-text'>{poll.eligibility.reason}</Text>
        {poll.eligibility.eligible ? <Text className='ll-text'>请看完下面的说明，在每个问题里点选，再点最下面的“投票”。</Text> : null}
      </View>
    )
  }
  const who = poll.myVote.byHousehold ? '您家' : '您'
  return (
    <View id='poll-my-vote' className='ll-card poll-my-vote'>
      <View className='ll-card-row'>
        <Text className='ll-heading'>我的投票</Text>
        <ToneChip label='已投票' tone='approved' />
      </View>
      <Text className='ll-text'>
        {who}已经投过票了（{ballotChannelLabels[poll.myVote.channel]}），选票不能更改。
      </Text>
      {poll.myAnswers ? (
        <ChosenLines questions={poll.questions} answers={poll.myAnswers} />
      ) : (
        <>
          <Text className='ll-secondary'>这是无记名投票，您选了什么不会记在您名下，所以这里不显示。</Text>
          <Text id='poll-check-receipt' className='ll-link poll-link' onClick={() => goTo('pollReceipt', { id: poll.id })}>
            用回执码查验我的选票 ›
          </Text>
        </>
      )}
    </View>
  )
}

export default function PollPage() {
  const loggedIn = useRequireLogin('poll')
  const me = useCachedMe()
  const id = Number(useRouter().params.id)
  const { state, reload, setData } = useResource(() => call(routes.getPoll, { params: { id } }), { enabled: loggedIn && id > 0, key: id })
  const poll = state.data
  const results = useResource(() => call(routes.pollResults, { params: { id } }), {
    enabled: Boolean(poll && poll.phase !== 'draft' && !poll.publication),
    key: `${id}/${poll?.phase ?? ''}/${poll?.myVote ? 'voted' : ''}`,
  })
  const [selections, setSelections] = useState<Selections>({})
  const [problems, setProblems] = useState<Record<number, string>>({})
  const [opinion, setOpinion] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [voteError, setVoteError] = useState<string>()
  /** The last try failed in a way a retry can fix (503, no answer): the notice offers 重试. */
  const [voteRetry, setVoteRetry] = useState(false)
  const attempt = useActionAttempt()
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null)
  const refresh = () => Promise.all([reload(), results.reload()])
  usePullRefresh(refresh)
  // Friends only: a consultation is for its community's residents, who log in to take part (朋友圈 pages cannot).
  useShareAppMessage(() => shareCard('poll', id, poll ? `议事：${poll.title}` : '社区议事'))

  if (!poll) {
    return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState cards={2} />}</Page>
  }
  if (receipt) {
    return (
      <Receipt
        poll={poll}
        receipt={receipt}
        onDone={() => {
          setReceipt(null)
          void refresh()
        }}
      />
    )
  }

  const canVote = poll.eligibility.eligible && !poll.myVote
  const checked = checkBallot(poll.questions, selections)
  const home = poll.voterMode === 'household' ? myHome(me, poll) : null

  const askToVote = () => {
    setVoteError(undefined)
    setProblems(checked.problems)
    if (!checked.answers) {
      setVoteError(`还有 ${Object.keys(checked.problems).length} 题没有选好，请看红字提示`)
      return
    }
    setConfirming(true)
  }

  const vote = async () => {
    if (!checked.answers) return
    // In the tap, before the ballot: a reminder when the results are published.
    await askForReminders(['consultation_result', 'consultation_opened'])
    await send()
  }

  const send = async () => {
    if (!checked.answers) return
    setVoteError(undefined)
    setVoteRetry(false)
    try {
      // A retry sends the same key: if the first try was counted, its receipt comes back instead of 您已经投过票了.
      setReceipt(await call(routes.castBallot, { params: { id: poll.id }, body: { answers: checked.answers, opinion: opinion.trim() }, idempotencyKey: attempt.key() }))
      attempt.settled()
      setSelections({})
      setOpinion('')
    } catch (error) {
      attempt.settled(error)
      setVoteError(messageOf(error))
      setVoteRetry(isRetryable(error))
      if (!isRetryable(error)) void refresh()
    }
  }

  const resultsCard =
    !poll.publication && poll.phase !== 'draft' ? (
      <View id='poll-results-card' className='ll-card'>
        <Text className='ll-heading'>{poll.phase === 'open' || poll.phase === 'upcoming' ? '目前的投票情况' : '投票结果'}</Text>
        {results.state.data ? (
          <ResultsView id='poll-results' results={results.state.data} poll={poll} />
        ) : results.state.status === 'error' ? (
          <Text className='ll-field-error'>{messageOf(results.state.error)}</Text>
        ) : (
          <Text className='ll-secondary'>正在读取…</Text>
        )}
      </View>
    ) : null

  const ended = poll.phase === 'closed' || poll.phase === 'published'
  const chip = pollChip(poll.phase)
  const footer = canVote ? (
    <View id='poll-main-action' data-kind='vote'>
      <Button id='poll-vote' type='primary' size='xlarge' block onClick={askToVote}>
        投票
      </Button>
    </View>
  ) : undefined

  return (
    <Page footer={footer}>
      <View className='ll-body'>
        <View className='activity-card-top'>
          <Text className='activity-category'>议事投票 · {poll.communityName}</Text>
          <ToneChip id='poll-state' label={chip.label} tone={chip.tone} />
        </View>
        <Text className='ll-title'>{poll.title}</Text>

        <View className='ll-card'>
          <Text className='ll-text poll-line'>
            <Text className='poll-label'>时间：</Text>
            {pollTimeLine(poll)}
          </Text>
          <Text className='ll-text poll-line'>
            <Text className='poll-label'>谁投票：</Text>
            {electorateLine(poll)}
          </Text>
          <Text className='ll-secondary poll-line'>
            {ballotSecrecyLabels[poll.secrecy]}；{poll.resultsVisibility === 'live' ? '投票期间就能看到票数' : '投票结束后才公布票数'}
          </Text>
        </View>

        {poll.publication ? (
          <View id='poll-publication' className='ll-card poll-publication'>
            <Text className='ll-heading'>结果公示</Text>
            <Text className='ll-secondary'>{formatDateTime(poll.publication.publishedAt)} 公示</Text>
            <Text id='poll-statement-text' className='ll-text poll-statement'>
              {poll.publication.statement}
            </Text>
            <ResultsView id='poll-published-results' results={poll.publication.results} poll={poll} />
          </View>
        ) : null}

        {voteError ? (
          <View id='poll-vote-error' className='ll-notice ll-notice-error' role='alert'>
            <Text className='ll-text'>{voteError}</Text>
            {voteRetry ? (
              <Button id='poll-vote-retry' type='primary' size='large' block onClick={() => void send()}>
                重试
              </Button>
            ) : null}
          </View>
        ) : null}
        {poll.phase !== 'draft' ? <MyVote poll={poll} /> : null}

        {poll.canManage ? <StaffPanel poll={poll} results={results.state.data} onChanged={setData} /> : null}
        {ended ? resultsCard : null}

        {bodyHasContent(poll.background) ? (
          <View id='poll-background' className='ll-card'>
            <Text className='ll-heading'>议题说明</Text>
            <View className='poll-background-body'>
              <RichText nodes={bodyForRichText(poll.background)} />
            </View>
          </View>
        ) : null}

        <Text className='ll-section-title'>{canVote ? `请投票（共 ${poll.questions.length} 题）` : '投票的问题'}</Text>
        {home ? <Text className='ll-secondary poll-home'>每户一票：这一票代表您家（{home}），家里其他人就不用再投了。</Text> : null}
        <BallotQuestions
          questions={poll.questions}
          selections={canVote ? selections : {}}
          problems={problems}
          onChange={
            canVote
              ? (next) => {
                  setSelections(next)
                  setProblems({})
                  setVoteError(undefined)
                }
              : undefined
          }
        />
        {canVote && poll.opinionsEnabled ? (
          <View className='ll-card'>
            <Text className='ll-field-label'>您的意见（可以不写）</Text>
            <Text className='ll-secondary poll-hint'>和选票放在一起，和选票一样{poll.secrecy === 'secret' ? '不记名' : '记名'}。</Text>
            <View className='ll-input-wrap'>
              <TextArea id='poll-opinion' value={opinion} placeholder='想对居委会说的话' maxLength={500} rows={3} onChange={setOpinion} />
            </View>
          </View>
        ) : null}

        {ended ? null : resultsCard}
      </View>

      <ConfirmDialog
        visible={confirming}
        title='确认投票？'
        text='投票后不能修改。您的选择：'
        confirmId='poll-vote-confirm'
        confirmText='确认投票'
        cancelText='再看看'
        onConfirm={vote}
        onClose={() => setConfirming(false)}
      >
        {checked.answers ? <ChosenLines questions={poll.questions} answers={checked.answers} /> : null}
        <ReminderNote id='poll-reminder-note' />
      </ConfirmDialog>
    </Page>
  )
}
