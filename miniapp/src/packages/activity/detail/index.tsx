import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { activityCategoryLabels, routes, signupRoleLabels, type ActivityDetail, type Signup, type SignupRole } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { ToneChip } from '../../../components/ToneChip'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { activityChip, mainActionOf, mySignupFor, seatsLine, signupChip, signupResultText, volunteerActionOf } from '../../../lib/activities'
import { formatDateTime, formatTimeRange } from '../../../lib/format'
import { shareCard, timelineCard } from '../../../lib/share'
import { goTo } from '../../../navigation'
import { CheckinCard } from './CheckinCard'
import { SignupSheet } from './SignupSheet'
import { StaffPanel } from './StaffPanel'
import './index.css'

interface Result {
  title: string
  text: string
  ok: boolean
}

function myStatusText(signup: Signup): string {
  const family = signup.companions.length ? `，带 ${signup.companions.length} 位家人（${signup.companions.map((c) => `${c.relation} ${c.name}`).join('、')}）` : ''
  switch (signup.status) {
    case 'confirmed':
      return `您已报名${family}。到时请准时参加。`
    case 'waitlisted':
      return `您在候补第 ${signup.waitlistPosition ?? 1} 位${family}，有人取消时会通知您。`
    case 'offered':
      return `有空位留给您了！请在 ${signup.offerExpiresAt ? formatDateTime(signup.offerExpiresAt) : '保留时间'} 前点下面的“接受空位”，过时会让给下一位。`
    case 'attended':
      return '您已签到，祝您活动愉快。'
    default:
      return ''
  }
}

function MyStatus({ activity }: { activity: ActivityDetail }) {
  const signups = (['participant', 'volunteer'] as SignupRole[]).map((role) => mySignupFor(activity, role)).filter((s): s is Signup => Boolean(s))
  return (
    <View id='my-signup-status' className='ll-card detail-my'>
      <Text className='ll-heading'>我的报名</Text>
      {signups.length === 0 ? <Text className='ll-text detail-my-line'>您还没有报名</Text> : null}
      {signups.map((s) => {
        const chip = signupChip(s.status)
        return (
          <View key={s.id} className='detail-my-line'>
            <View className='ll-card-row'>
              <Text className='ll-text'>{signupRoleLabels[s.role]}</Text>
              <ToneChip label={chip.label} tone={chip.tone} />
            </View>
            <Text className='ll-text'>{myStatusText(s)}</Text>
          </View>
        )
      })}
      {signups.length ? (
        <Text id='detail-my-signups' className='ll-link detail-link' onClick={() => goTo('mySignups')}>
          我的报名和签到码 ›
        </Text>
      ) : null}
    </View>
  )
}

export default function ActivityDetailPage() {
  const loggedIn = useRequireLogin('activityDetail')
  const id = Number(useRouter().params.id)
  const { state, reload, setData } = useResource(() => call(routes.getActivity, { params: { id } }), { enabled: loggedIn && id > 0, key: id })
  const [sheet, setSheet] = useState<SignupRole | null>(null)
  const [cancelRole, setCancelRole] = useState<SignupRole | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [actionError, setActionError] = useState<string>()
  const [accepting, setAccepting] = useState(false)
  usePullRefresh(reload)
  const shareTitle = state.data ? `${state.data.title}（${formatTimeRange(state.data.startsAt, state.data.endsAt)}）` : '社区活动'
  useShareAppMessage(() => shareCard('activityDetail', id, shareTitle, state.data?.coverUrl))
  useShareTimeline(() => timelineCard(id, shareTitle, state.data?.coverUrl))

  const activity = state.data
  if (!activity) {
    return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState cards={1} />}</Page>
  }

  const finish = (next: Result) => {
    setResult(next)
    setActionError(undefined)
    void reload()
  }

  if (result) {
    return (
      <Page
        footer={
          <Button id='result-done' type='primary' size='xlarge' block onClick={() => setResult(null)}>
            返回活动
          </Button>
        }
      >
        <View className='ll-body ll-result detail-result' id='signup-result' role='status'>
          <View className={result.ok ? 'll-result-symbol' : 'll-result-symbol ll-result-symbol-plain'}>{result.ok ? '✓' : 'i'}</View>
          <Text className='ll-title'>{result.title}</Text>
          <Text className='ll-text ll-result-text detail-result-text'>{result.text}</Text>
          <Text className='ll-secondary'>{activity.title}</Text>
          <Text className='ll-secondary'>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
          <Text className='ll-secondary'>{activity.place}</Text>
          <Button id='result-my-signups' className='detail-secondary-button' size='large' block fill='outline' onClick={() => goTo('mySignups')}>
            查看我的报名和签到码
          </Button>
        </View>
      </Page>
    )
  }

  const action = mainActionOf(activity)
  const volunteer = volunteerActionOf(activity)
  const chip = activityChip(activity)
  const checkinSignup = (['participant', 'volunteer'] as SignupRole[])
    .map((role) => mySignupFor(activity, role))
    .find((s) => s && (s.status === 'confirmed' || s.status === 'attended'))

  const accept = async (signup: Signup) => {
    setAccepting(true)
    try {
      const confirmed = await call(routes.acceptOffer, { params: { id: signup.id } })
      finish({ ok: true, title: '已接受空位', text: signupResultText(confirmed, activity.startsAt) })
    } catch (error) {
      setActionError(messageOf(error))
      void reload()
    } finally {
      setAccepting(false)
    }
  }

  const cancelSignup = async () => {
    const role = cancelRole ?? 'participant'
    try {
      await call(routes.cancelMySignup, { params: { id: activity.id }, query: { role } })
      finish({ ok: false, title: '已取消', text: role === 'volunteer' ? '您的志愿者报名已取消。' : '您的报名已取消，名额会让给候补的居民。' })
    } catch (error) {
      setActionError(messageOf(error))
    }
  }

  const mainButton = () => {
    switch (action.kind) {
      case 'signup':
      case 'waitlist':
        return (
          <Button id='signup-open' type='primary' size='xlarge' block onClick={() => setSheet('participant')}>
            {action.label}
          </Button>
        )
      case 'cancel':
        return (
          <Button id='signup-cancel' className='detail-cancel' size='xlarge' block fill='outline' onClick={() => setCancelRole('participant')}>
            {action.label}
          </Button>
        )
      case 'accept':
        return (
          <Button id='offer-accept' type='primary' size='xlarge' block loading={accepting} onClick={() => accept(action.signup)}>
            {action.label}
          </Button>
        )
      case 'none':
        return (
          <Button id='activity-unavailable' size='xlarge' block disabled>
            {action.label}
          </Button>
        )
    }
  }

  const note = action.kind === 'none' ? action.note : action.kind === 'accept' && action.signup.offerExpiresAt ? `请在 ${formatDateTime(action.signup.offerExpiresAt)} 前确认` : undefined

  return (
    <Page
      footer={
        <View>
          {note ? <Text className='ll-secondary detail-footer-note'>{note}</Text> : null}
          <View id='activity-main-action' data-kind={action.kind}>
            {mainButton()}
          </View>
        </View>
      }
    >
      {activity.coverUrl ? <Image className='detail-cover' src={activity.coverUrl} mode='aspectFill' /> : null}
      <View className='ll-body'>
        <View className='activity-card-top'>
          <Text className='activity-category'>{activityCategoryLabels[activity.category]}</Text>
          <ToneChip id='activity-state' label={chip.label} tone={chip.tone} />
        </View>
        <Text className='ll-title'>{activity.title}</Text>

        {activity.status === 'cancelled' && activity.cancelReason ? (
          <View className='ll-notice ll-notice-error'>
            <Text className='ll-text'>活动已取消：{activity.cancelReason}</Text>
          </View>
        ) : null}
        {actionError ? (
          <View id='activity-action-error' className='ll-notice ll-notice-error' role='alert'>
            <Text className='ll-text'>{actionError}</Text>
          </View>
        ) : null}
        {!activity.eligibility.eligible && activity.eligibility.reason && !mySignupFor(activity, 'participant') ? (
          <View id='activity-eligibility' className='ll-notice'>
            <Text className='ll-text'>{activity.eligibility.reason}</Text>
          </View>
        ) : null}

        <View className='ll-card'>
          <Text className='ll-text detail-line'>
            <Text className='detail-label'>时间：</Text>
            {formatTimeRange(activity.startsAt, activity.endsAt)}
          </Text>
          <Text className='ll-text detail-line'>
            <Text className='detail-label'>地点：</Text>
            {activity.place}
          </Text>
          <Text className='ll-text detail-line'>
            <Text className='detail-label'>组织：</Text>
            {activity.organiser.name}
          </Text>
          <Text className='ll-text detail-line detail-seats' id='activity-seats'>
            <Text className='detail-label'>名额：</Text>
            {seatsLine(activity)}
          </Text>
          {activity.volunteerSlots > 0 ? (
            <Text className='ll-text detail-line'>
              <Text className='detail-label'>志愿者：</Text>
              {`还差 ${Math.max(activity.volunteerSlots - activity.volunteersTaken, 0)} 位（共 ${activity.volunteerSlots} 位）`}
            </Text>
          ) : null}
          <Text className='ll-secondary detail-line'>报名时间：{formatDateTime(activity.signupOpensAt)} 至 {formatDateTime(activity.signupClosesAt)}</Text>
          <Text className='ll-secondary detail-line'>取消截止：{formatDateTime(activity.cancelDeadline)}</Text>
          {activity.companionsAllowed > 0 ? <Text className='ll-secondary detail-line'>可以带 {activity.companionsAllowed} 位家人一起来</Text> : null}
        </View>

        {/* Staff come here to run the activity: their tools first. */}
        {activity.canManage ? <StaffPanel activity={activity} onChanged={setData} /> : null}

        <MyStatus activity={activity} />

        {checkinSignup ? <CheckinCard activityId={activity.id} signup={checkinSignup} onDone={() => void reload()} /> : null}

        {volunteer ? (
          <View className='ll-card'>
            <Text className='ll-heading'>志愿者</Text>
            <Text className='ll-secondary'>
              {volunteer.kind === 'cancel' ? '您已报名当志愿者，谢谢您！' : volunteer.kind === 'full' ? '志愿者名额已满，谢谢您的热心。' : '愿意帮忙的话，可以报名当志愿者。'}
            </Text>
            <Button
              id='activity-volunteer'
              className='detail-secondary-button'
              size='large'
              block
              fill='outline'
              disabled={volunteer.kind === 'full'}
              onClick={() => (volunteer.kind === 'cancel' ? setCancelRole('volunteer') : volunteer.kind === 'join' ? setSheet('volunteer') : undefined)}
            >
              {volunteer.kind === 'cancel' ? '取消志愿者报名' : volunteer.kind === 'full' ? '志愿者已满' : '报名当志愿者'}
            </Button>
          </View>
        ) : null}

        {activity.description ? (
          <View className='ll-card'>
            <Text className='ll-heading'>活动介绍</Text>
            <Text className='ll-text detail-description'>{activity.description}</Text>
          </View>
        ) : null}

      </View>

      <SignupSheet
        activity={activity}
        role={sheet}
        onClose={() => setSheet(null)}
        onDone={(signup) => {
          setSheet(null)
          finish({ ok: true, title: signup.status === 'waitlisted' ? '已候补' : '报名成功', text: signupResultText(signup, activity.startsAt) })
        }}
      />
      <ConfirmDialog
        visible={cancelRole !== null}
        title={cancelRole === 'volunteer' ? '取消志愿者报名？' : action.kind === 'cancel' && action.signup.status === 'waitlisted' ? '取消候补？' : '取消报名？'}
        text={
          cancelRole === 'volunteer'
            ? '取消后，这个志愿者名额会留给别人。'
            : `取消后，您的名额${action.kind === 'cancel' && action.signup.companions.length ? `（连同 ${action.signup.companions.length} 位家人）` : ''}会让给候补的居民，想再来需要重新报名。`
        }
        confirmId='signup-cancel-confirm'
        confirmText={cancelRole === 'volunteer' ? '确认取消志愿者报名' : '确认取消'}
        cancelText='不取消'
        danger
        onConfirm={cancelSignup}
        onClose={() => setCancelRole(null)}
      />
    </Page>
  )
}
