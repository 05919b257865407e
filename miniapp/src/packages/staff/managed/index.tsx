import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, signupStatusLabels, type Handover, type ManagedResident } from '@linli/shared'
import { call } from '../../../api'
import { messageOf } from '../../../api/errors'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { Choice } from '../shared/Field'
import { Notice, type NoticeText } from '../shared/Notice'
import { RegisterForm } from './RegisterForm'
import './index.css'

const address = (m: ManagedResident) => `${m.household.communityName} ${m.household.building}${m.household.unit}${m.household.room}`

/** One managed resident: sign them up for an activity, or give them (or family) the code to take the account over. */
function ManagedCard({ resident, activity }: { resident: ManagedResident; activity?: string }) {
  const [signingUp, setSigningUp] = useState(false)
  const [activityId, setActivityId] = useState(activity)
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const [handover, setHandover] = useState<Handover>()
  const activities = useResource(async () => (await call(routes.listActivities, { query: { communityId: resident.household.communityId, pageSize: 50 } })).items, {
    enabled: signingUp,
    key: resident.id,
  })

  const signUp = async () => {
    if (!activityId) return setNotice({ kind: 'error', text: '请先选一个活动' })
    try {
      const signup = await call(routes.managedSignUp, { params: { id: resident.id }, body: { activityId: Number(activityId) } })
      setNotice({ kind: 'done', text: `已为${resident.name}代报名：${signupStatusLabels[signup.status]}` })
      setSigningUp(false)
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
  }

  const makeHandover = async () => {
    try {
      setHandover(await call(routes.createHandover, { params: { id: resident.id } }))
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
  }

  return (
    <View id={`managed-${resident.id}`} className='ll-card managed-card'>
      <Text className='ll-heading'>{resident.name}</Text>
      <Text className='ll-text'>{address(resident)}</Text>
      <Text className='ll-secondary'>
        {resident.registeredBy} 登记于 {formatDateTime(resident.createdAt)}
      </Text>
      {signingUp ? (
        activities.state.data ? (
          activities.state.data.length ? (
            <Choice
              id={`managed-activity-${resident.id}`}
              label='报名哪个活动'
              options={activities.state.data.map((a) => ({ value: String(a.id), label: `${a.title}（${formatDateTime(a.startsAt)}）` }))}
              value={activityId}
              onChange={setActivityId}
            />
          ) : (
            <Text className='ll-text'>现在没有可以报名的活动。</Text>
          )
        ) : activities.state.status === 'error' ? (
          <Text className='ll-field-error'>{messageOf(activities.state.error)}</Text>
        ) : (
          <Text className='ll-secondary'>正在读取活动…</Text>
        )
      ) : null}
      <Notice id={`managed-notice-${resident.id}`} notice={notice} />
      {handover ? (
        <View id={`managed-handover-${resident.id}`} className='setup-notice' role='status'>
          <Text className='ll-text managed-code'>接管码：{handover.code}</Text>
          <Text className='ll-secondary'>
            请交给{resident.name}本人或家人：用微信登录邻里共治后，在“我的 → 接手代办账号”里输入。{formatDateTime(handover.expiresAt)}前有效，只能用一次。
          </Text>
        </View>
      ) : null}
      <View className='setup-choice'>
        {signingUp ? (
          <Button id={`managed-signup-confirm-${resident.id}`} type='primary' size='large' onClick={() => void signUp()}>
            确认代报名
          </Button>
        ) : (
          <Button id={`managed-signup-${resident.id}`} size='large' fill='outline' onClick={() => setSigningUp(true)}>
            为他（她）代报名
          </Button>
        )}
        <Button id={`managed-handover-button-${resident.id}`} size='large' fill='outline' onClick={() => void makeHandover()}>
          生成接管码
        </Button>
      </View>
    </View>
  )
}

/**
 * 代办: residents without a smartphone whom staff registered and act for. Every act is in the audit log with the
 * staff member's name and in the resident's own 消息.
 */
export default function StaffManagedPage() {
  const { state: meState } = useMe('staffManaged')
  // Opened from an activity's 为居民代报名: that activity comes chosen in each resident's sign-up.
  const activity = useRouter().params.activityId
  const me = meState.data
  const list = useResource(async () => (await call(routes.listManagedResidents, { query: { pageSize: 100 } })).items, { enabled: Boolean(me) })

  const body = () => {
    if (!me) return meState.status === 'error' ? <ErrorState error={meState.error} onRetry={list.reload} /> : <LoadingState />
    const items = list.state.data
    return (
      <View className='managed-layout'>
        <RegisterForm me={me} onRegistered={() => void list.reload()} />
        <View id='managed-list'>
          {!items ? (
            list.state.status === 'error' ? <ErrorState error={list.state.error} onRetry={list.reload} /> : <LoadingState />
          ) : items.length ? (
            items.map((m) => <ManagedCard key={m.id} resident={m} activity={activity} />)
          ) : (
            <EmptyState title='还没有代办居民' description='用“登记代办居民”登记没有智能手机的居民，就能替他们报名活动。' />
          )}
        </View>
      </View>
    )
  }

  return (
    <Page>
      <StaffFrame current='staffManaged'>
        <View className='ll-body'>{body()}</View>
      </StaffFrame>
    </Page>
  )
}
