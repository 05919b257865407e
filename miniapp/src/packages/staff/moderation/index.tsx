import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type HeldContentDecision, type HeldNickname, type HeldOpinion, type HeldSignup } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useMe } from '../../../hooks/useSession'
import { pollCommunityOptions } from '../../../lib/pollForm'
import { Choice } from '../activity-form/FormParts'
import '../activity-form/index.css'

type Target =
  | { kind: 'signup'; signupId: number }
  | { kind: 'opinion'; pollId: number; ballotId: string }
  | { kind: 'nickname'; userId: number; pendingNickname: string }
type Item = { key: string; decision: Target; title: string; lines: string[] }

function signupItem(s: HeldSignup): Item {
  return {
    key: `signup-${s.signupId}`,
    decision: { kind: 'signup', signupId: s.signupId },
    title: `活动报名：${s.activity.title}（${s.nickname}）`,
    lines: [...s.companions.map((c) => `同行家人：${c.name}（${c.relation}）`), ...s.answers.map((a) => `${a.question}：${a.answer}`)],
  }
}

function opinionItem(o: HeldOpinion): Item {
  return { key: `opinion-${o.ballotId}`, decision: { kind: 'opinion', pollId: o.poll.id, ballotId: o.ballotId }, title: `议事意见：${o.poll.title}`, lines: [o.opinion] }
}

function nicknameItem(n: HeldNickname): Item {
  return {
    key: `nickname-${n.userId}`,
    decision: { kind: 'nickname', userId: n.userId, pendingNickname: n.pendingNickname },
    title: `新昵称：${n.pendingNickname}`,
    lines: [`现在的昵称：${n.nickname}（通过前大家看到的还是它）`],
  }
}

/** What the decision will do, in one sentence. */
function confirmText(pending: { item: Item; approve: boolean } | null): string {
  if (pending?.item.decision.kind === 'nickname') {
    return pending.approve ? '通过后，大家会看到这个新昵称。' : '隐藏后，新昵称不会用上，居民还用原来的昵称。'
  }
  return pending?.approve ? '通过后，这段内容会照原样显示给工作人员。' : '隐藏后，这段内容会被删掉；报名名额和投票都保留。'
}

/**
 * Staff: what residents wrote that the content check wants a person to read first. Approved texts show as
 * written; rejected ones are hidden (the sign-up keeps its place, the vote stays counted).
 */
export default function StaffModerationPage() {
  const { state: meState, reload: reloadMe } = useMe('staffModeration')
  const me = meState.data
  const setup = useResource(() => call(routes.communities), { enabled: Boolean(me) })
  const communities = me && setup.state.data ? pollCommunityOptions(me, setup.state.data.items) : []
  const [chosen, setChosen] = useState<number | null>(null)
  const communityId = chosen ?? communities[0]?.communityId ?? null
  const held = useResource(() => call(routes.heldContent, { params: { id: communityId! } }), { enabled: communityId !== null, key: communityId ?? 0 })
  const [pending, setPending] = useState<{ item: Item; approve: boolean } | null>(null)
  const [feedback, setFeedback] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)
  usePullRefresh(held.reload)

  const decide = async () => {
    if (!pending) return
    try {
      await call(routes.decideHeldContent, { body: { ...pending.item.decision, approve: pending.approve } as HeldContentDecision })
      setFeedback({ kind: 'done', text: pending.approve ? '已通过，内容会照原样显示' : '已隐藏这段内容' })
      await held.reload()
    } catch (error) {
      setFeedback({ kind: 'error', text: messageOf(error) })
    }
  }

  const body = () => {
    if (meState.status === 'error') return <ErrorState error={meState.error} onRetry={reloadMe} />
    if (!me || setup.state.status === 'loading') return <LoadingState />
    if (communityId === null) return <EmptyState title='您没有负责的社区' description='社区居委会和街道的工作人员在这里审核居民填写的内容。' />
    if (held.state.status === 'error') return <ErrorState error={held.state.error} onRetry={held.reload} />
    if (!held.state.data) return <LoadingState />
    const data = held.state.data
    const items = [...data.signups.map(signupItem), ...data.opinions.map(opinionItem), ...data.nicknames.map(nicknameItem)]
    return (
      <View id='moderation-list'>
        {data.checks === 'local' ? (
          <View id='moderation-local-only' className='ll-notice' role='note'>
            <Text className='ll-text'>本服务器没有接入微信内容安全检查，居民填写的内容只按关键词检查。</Text>
          </View>
        ) : null}
        {items.length === 0 ? <EmptyState title='没有待审核的内容' description='居民填写的内容需要人工看一下时，会出现在这里。' /> : null}
        {items.map((item) => (
          <View key={item.key} id={`held-${item.key}`} className='ll-card'>
            <Text className='ll-heading'>{item.title}</Text>
            {item.lines.map((line, i) => (
              <Text key={i} className='ll-text'>
                {line}
              </Text>
            ))}
            <View className='ll-button-row'>
              <Button id={`held-reject-${item.key}`} size='large' fill='outline' type='danger' onClick={() => setPending({ item, approve: false })}>
                隐藏
              </Button>
              <Button id={`held-approve-${item.key}`} size='large' type='primary' onClick={() => setPending({ item, approve: true })}>
                通过
              </Button>
            </View>
          </View>
        ))}
      </View>
    )
  }

  return (
    <Page>
      <StaffFrame current='staffModeration'>
        <View className='ll-body'>
          {communities.length > 1 ? (
            <Choice id='moderation-community' options={communities.map((c) => ({ key: String(c.communityId), label: c.label }))} value={String(communityId)} onChange={(v) => setChosen(Number(v))} />
          ) : null}
          {feedback ? (
            <View className='ll-notice' role={feedback.kind === 'error' ? 'alert' : 'status'}>
              <Text className='ll-text'>{feedback.text}</Text>
            </View>
          ) : null}
          {body()}
        </View>
        <ConfirmDialog
          visible={pending !== null}
          title={pending?.approve ? '确认通过？' : '确认隐藏？'}
          text={confirmText(pending)}
          confirmId='held-confirm'
          confirmText={pending?.approve ? '确认通过' : '确认隐藏'}
          danger={!pending?.approve}
          onConfirm={decide}
          onClose={() => setPending(null)}
        />
      </StaffFrame>
    </Page>
  )
}
