import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { routes, signupRoleLabels, type MySignupListSchema } from '@linli/shared'
import type { z } from 'zod'
import { call } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { ToneChip } from '../../../components/ToneChip'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { signupChip } from '../../../lib/activities'
import { formatDateTime, formatTimeRange } from '../../../lib/format'
import { goTo } from '../../../navigation'
import { QrCode } from '../QrCode'
import '../qr.css'
import './index.css'

type MySignup = z.infer<typeof MySignupListSchema>['items'][number]

/** The organiser called it off: no code to show, nowhere to go. */
function calledOff(signup: MySignup): boolean {
  return signup.status === 'activity_cancelled' || signup.activity.status === 'cancelled'
}

/** Sign-ups that still get you in: these show the QR code big. */
function showsCode(signup: MySignup): boolean {
  return (signup.status === 'confirmed' || signup.status === 'attended') && !['ended', 'cancelled'].includes(signup.activity.seatState)
}

function codeHint(signup: MySignup): string {
  if (signup.status === 'attended') return '签到码（已签到，不用再出示）'
  if (signup.status === 'waitlisted' || signup.status === 'offered') return '签到码（报上名以后才能用）'
  return showsCode(signup) ? '签到码：到现场请出示给工作人员扫一扫' : '签到码'
}

function SignupItem({ signup }: { signup: MySignup }) {
  const chip = signupChip(signup.status)
  const { activity } = signup
  return (
    <View id={`signup-${signup.id}`} className='ll-card my-signup'>
      <View className='ll-card-row'>
        <Text className='ll-heading my-signup-title'>{activity.title}</Text>
        <ToneChip label={chip.label} tone={chip.tone} />
      </View>
      <Text className='ll-text my-signup-line'>时间：{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='ll-text my-signup-line'>地点：{activity.place}</Text>
      <Text className='ll-secondary my-signup-line'>
        {signupRoleLabels[signup.role]}
        {signup.companions.length ? ` · 带 ${signup.companions.length} 位家人：${signup.companions.map((c) => `${c.relation} ${c.name}`).join('、')}` : ''}
      </Text>
      {signup.contentHeld ? (
        <Text id={`signup-held-${signup.id}`} className='ll-text my-signup-line'>
          您填写的内容要请工作人员看一下，看过之前只有工作人员能看到。报名不受影响。
        </Text>
      ) : null}
      {signup.status === 'waitlisted' ? <Text className='ll-text my-signup-line'>您在候补第 {signup.waitlistPosition ?? 1} 位，有人取消时会通知您。</Text> : null}
      {signup.status === 'offered' ? (
        <Text className='ll-text my-signup-line my-signup-offer'>
          有空位留给您了！请在 {signup.offerExpiresAt ? formatDateTime(signup.offerExpiresAt) : '保留时间'} 前到活动页面点“接受空位”。
        </Text>
      ) : null}
      {signup.checkedInAt ? <Text className='ll-secondary my-signup-line'>签到时间：{formatDateTime(signup.checkedInAt)}</Text> : null}
      {calledOff(signup) ? (
        <Text className='ll-text my-signup-line my-signup-called-off'>组织方取消了这个活动，您不用去了。</Text>
      ) : (
        <View className={showsCode(signup) ? 'my-signup-code' : 'my-signup-code my-signup-code-small'}>
          <Text className='ll-secondary my-signup-code-hint'>{codeHint(signup)}</Text>
          <QrCode id={`signup-qr-${signup.id}`} text={signup.checkinCode} size='medium' label={`签到码 ${signup.checkinCode}`} />
          <Text className='qr-code-text' id={`signup-code-${signup.id}`}>
            {signup.checkinCode}
          </Text>
        </View>
      )}
      <Button className='my-signup-open' size='large' block fill='outline' onClick={() => goTo('activityDetail', { id: activity.id })}>
        查看活动
      </Button>
    </View>
  )
}

export default function MySignupsPage() {
  const loggedIn = useRequireLogin('mySignups')
  const { state, reload } = useResource(() => call(routes.mySignups), { enabled: loggedIn })
  usePullRefresh(reload)
  // Back from an activity page (cancelled, accepted an offer): read again.
  useDidShow(() => {
    if (state.status === 'ready') void reload()
  })

  const body = () => {
    if (!state.data) return state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />
    // Coming up first, soonest on top; finished and cancelled ones after, latest first.
    const over = (s: MySignup) => ['ended', 'cancelled'].includes(s.activity.seatState)
    const items = [...state.data.items].sort((a, b) =>
      over(a) !== over(b) ? (over(a) ? 1 : -1) : (over(a) ? -1 : 1) * (Date.parse(a.activity.startsAt) - Date.parse(b.activity.startsAt)),
    )
    if (!items.length) {
      return (
        <EmptyState
          title='您还没有报名活动'
          description='在“活动”里找感兴趣的活动，点报名就行。'
          action={
            <Button size='large' type='primary' onClick={() => goTo('activities')}>
              去看看活动
            </Button>
          }
        />
      )
    }
    return (
      <View id='my-signup-list'>
        {items.map((signup) => (
          <SignupItem key={signup.id} signup={signup} />
        ))}
      </View>
    )
  }

  return (
    <Page>
      <View className='ll-body'>{body()}</View>
    </Page>
  )
}
