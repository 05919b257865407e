import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, signupStatusLabels } from '@linli/shared'
import { call } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useCheckIn } from '../../../hooks/useCheckIn'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { checkinQrContent } from '../../../lib/activities'
import { formatTimeRange } from '../../../lib/format'
import { QrCode } from '../QrCode'
import { SceneCheckin } from './SceneCheckin'
import '../qr.css'
import './index.css'

/** Opened by a scanned mini-program code (`scene`): the resident checks in. Otherwise: staff at the door. */
export default function ActivityCheckinPage() {
  const { scene } = useRouter().params
  return scene ? <SceneCheckin scene={decodeURIComponent(scene)} /> : <StaffCheckin />
}

/**
 * The code residents scan: a real mini-program code when the server has WeChat (any WeChat scan opens the check-in
 * page), else a plain QR that only this app's scanner reads, with the server's notice saying so.
 */
function DoorCode({ activityId, token }: { activityId: number; token: string }) {
  const { state, reload } = useResource(() => call(routes.checkinCode, { params: { id: activityId } }), { key: activityId })
  const code = state.data
  if (!code) return state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState cards={1} />
  if (code.kind === 'miniprogram' && code.image) {
    return (
      <View id='checkin-wxacode' className='qr qr-large'>
        <Image className='qr-image' src={code.image} mode='aspectFit' ariaLabel='活动签到小程序码' showMenuByLongpress />
      </View>
    )
  }
  return (
    <>
      <View id='checkin-plain-notice' className='ll-notice' role='note'>
        <Text className='ll-text'>{code.notice ?? '这是普通二维码，请居民在小程序的活动页面点“扫码签到”来扫。'}</Text>
      </View>
      <QrCode text={checkinQrContent(activityId, token)} size='large' label='活动签到码（普通二维码）' />
    </>
  )
}

/** Staff at the door: show the activity's code for residents to scan, or check a resident in by their code. */
function StaffCheckin() {
  const loggedIn = useRequireLogin('activityCheckin')
  const id = Number(useRouter().params.id)
  const { state, reload } = useResource(() => call(routes.getActivity, { params: { id } }), { enabled: loggedIn && id > 0, key: id })
  const { code, setCode, busy, message, submit: checkIn, scan } = useCheckIn(
    async (raw) => {
      const signupCode = raw.trim()
      if (!signupCode) return { error: '请先输入居民的签到码' }
      const result = await call(routes.checkIn, { params: { id }, body: { signupCode } })
      const family = result.signup.companions.length ? `，带 ${result.signup.companions.length} 位家人` : ''
      return { done: result.action === 'checked_out' ? `已签退${family}` : `签到成功${family}（${signupStatusLabels[result.signup.status]}）` }
    },
    { clearOnDone: true },
  )

  const activity = state.data
  if (!activity) return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState cards={1} />}</Page>

  return (
    <Page>
      <View className='ll-body'>
        <Text className='ll-title'>{activity.title}</Text>
        <Text className='ll-secondary'>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
        {activity.checkinToken ? (
          <View className='ll-card checkin-qr-card' id='checkin-qr'>
            <Text className='ll-heading'>请居民扫这个码签到</Text>
            <DoorCode activityId={activity.id} token={activity.checkinToken} />
            <Text className='ll-secondary'>用浏览器的居民，在活动页面输入下面这串字：</Text>
            <Text className='qr-code-text' id='checkin-token-text'>
              {activity.checkinToken}
            </Text>
          </View>
        ) : (
          <View className='ll-notice'>
            <Text className='ll-text'>您不是这个活动的工作人员，看不到签到码。</Text>
          </View>
        )}

        <View className='ll-card'>
          <Text className='ll-heading'>替居民签到</Text>
          <Text className='ll-secondary'>居民出示“我的报名”里的签到码，扫一扫或输入码下面的字。</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button id='checkin-scan-resident' className='checkin-button' type='primary' size='large' block loading={busy} onClick={scan}>
              扫居民的签到码
            </Button>
          ) : null}
          <View className='ll-input-wrap checkin-input'>
            <Input id='checkin-code' value={code} placeholder='输入居民的签到码' maxLength={64} onChange={setCode} />
          </View>
          <Button id='checkin-submit' className='checkin-button' type='primary' size='large' block loading={busy} onClick={() => checkIn(code)}>
            签到
          </Button>
          {message ? (
            <View id='checkin-result' className={`ll-notice checkin-result ${message.kind === 'error' ? 'll-notice-error' : 'll-notice-done'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
              <Text className='ll-text'>{message.text}</Text>
            </View>
          ) : null}
        </View>
      </View>
    </Page>
  )
}
