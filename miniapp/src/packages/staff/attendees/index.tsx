import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, signupRoleLabels, type AttendeeListSchema } from '@linli/shared'
import type { z } from 'zod'
import { call } from '../../../api'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { ToneChip } from '../../../components/ToneChip'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { signupChip } from '../../../lib/activities'
import { formatDateTime } from '../../../lib/format'
import './index.css'

type AttendeeList = z.infer<typeof AttendeeListSchema>
type Attendee = AttendeeList['items'][number]

/** How full the activity is, with the 50 / 80 / 100 % marks on the bar. */
function Fill({ fill }: { fill: AttendeeList['fill'] }) {
  const width = Math.min(fill.percent, 100)
  return (
    <View className='ll-card' id='attendee-fill'>
      <View className='ll-card-row'>
        <Text className='ll-heading'>
          已报 {fill.seatsTaken} / {fill.seats} 个名额
        </Text>
        <Text className='ll-chip ll-chip-neutral'>{fill.percent}%</Text>
      </View>
      <View className='fill-bar' aria-label={`已报满 ${fill.percent}%`}>
        <View className='fill-bar-value' style={{ width: `${width}%` }} />
        {[50, 80].map((mark) => (
          <View key={mark} className='fill-bar-mark' style={{ left: `${mark}%` }} />
        ))}
      </View>
      <View className='fill-bar-labels'>
        <Text className='ll-secondary fill-label-50'>50%</Text>
        <Text className='ll-secondary fill-label-80'>80%</Text>
        <Text className='ll-secondary fill-label-100'>满</Text>
      </View>
      {fill.threshold ? <Text className='ll-text'>{fill.threshold === 100 ? '名额已经报满了' : `已过 ${fill.threshold}%`}</Text> : null}
    </View>
  )
}

function answerText(answer: string | string[]): string {
  return Array.isArray(answer) ? answer.join('、') : answer
}

function AttendeeCard({ attendee, questions }: { attendee: Attendee; questions: Map<string, string> }) {
  const chip = signupChip(attendee.status)
  return (
    <View id={`attendee-${attendee.id}`} className='ll-card attendee'>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{attendee.user.nickname}</Text>
        <ToneChip label={chip.label} tone={chip.tone} />
      </View>
      <Text className='ll-secondary'>
        {signupRoleLabels[attendee.role]} · 占 {attendee.size} 个名额 · 报名于 {formatDateTime(attendee.createdAt)}
      </Text>
      {attendee.waitlistPosition ? <Text className='ll-text'>候补第 {attendee.waitlistPosition} 位</Text> : null}
      {attendee.companions.length ? (
        <Text className='ll-text attendee-line'>同行家人：{attendee.companions.map((c) => `${c.relation} ${c.name}`).join('、')}</Text>
      ) : null}
      {Object.entries(attendee.answers).map(([qid, answer]) => (
        <Text key={qid} className='ll-text attendee-line'>
          {questions.get(qid) ?? qid}：{answerText(answer)}
        </Text>
      ))}
      {attendee.checkedInAt ? <Text className='ll-secondary attendee-line'>签到：{formatDateTime(attendee.checkedInAt)}</Text> : null}
      {attendee.user.noShowCount > 0 ? (
        <Text className='ll-text attendee-line attendee-noshow'>以往报名未到场 {attendee.user.noShowCount} 次</Text>
      ) : null}
    </View>
  )
}

export default function AttendeesPage() {
  const loggedIn = useRequireLogin('attendees')
  const id = Number(useRouter().params.id)
  const { state, reload } = useResource(
    async () => {
      const [activity, list] = await Promise.all([call(routes.getActivity, { params: { id } }), call(routes.listSignups, { params: { id } })])
      return { activity, list }
    },
    { enabled: loggedIn && id > 0, key: id },
  )
  usePullRefresh(reload)

  if (!state.data) {
    return (
      <Page>
        <StaffFrame current='activities'>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />}</StaffFrame>
      </Page>
    )
  }
  const { activity, list } = state.data
  const questions = new Map(activity.questions.map((q) => [q.id, q.title]))
  return (
    <Page>
      <StaffFrame current='activities'>
        <View className='ll-body'>
          <Text className='ll-title'>{activity.title}</Text>
          <Fill fill={list.fill} />
          {list.items.length === 0 ? (
            <EmptyState title='还没有人报名' description='居民报名后会出现在这里。' />
          ) : (
            <View id='attendee-list'>
              {list.items.map((a) => (
                <AttendeeCard key={a.id} attendee={a} questions={questions} />
              ))}
            </View>
          )}
        </View>
      </StaffFrame>
    </Page>
  )
}
