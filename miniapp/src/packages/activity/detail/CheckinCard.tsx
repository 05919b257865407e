import { Text, View } from '@tarojs/components'
import { routes, type CheckinResultSchema, type Signup } from '@linli/shared'
import type { z } from 'zod'
import { call } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { useCheckIn } from '../../../hooks/useCheckIn'
import { parseCheckinCode } from '../../../lib/activities'
import { formatDateTime } from '../../../lib/format'

type CheckinResult = z.infer<typeof CheckinResultSchema>

/** A resident checks in on the spot: scan the activity's QR in WeChat, or type the code under it in the browser. */
export function CheckinCard({ activityId, signup, onDone }: { activityId: number; signup: Signup; onDone: (result: CheckinResult) => void }) {
  const { code, setCode, busy, message, submit: send, scan } = useCheckIn(async (raw) => {
    const parsed = parseCheckinCode(raw)
    if (!parsed) return { error: '请先输入现场的签到码' }
    if (parsed.activityId && parsed.activityId !== activityId) return { error: '这是别的活动的签到码，请扫描本活动现场的签到码' }
    const result = await call(routes.checkIn, { params: { id: activityId }, body: { token: parsed.token } })
    onDone(result)
    return { done: result.action === 'checked_out' ? '已签退，谢谢您的服务' : '签到成功，欢迎您！' }
  })

  // Volunteers check out the same way when they leave; a participant is done once checked in.
  const done = signup.status === 'attended' && (signup.role === 'participant' || Boolean(signup.checkedOutAt))
  return (
    <View className='ll-card' id='checkin-card'>
      <Text className='ll-heading'>{signup.status === 'attended' && !done ? '签退' : '现场签到'}</Text>
      {done ? (
        <Text className='ll-text'>✓ 您已签到{signup.checkedInAt ? `（${formatDateTime(signup.checkedInAt)}）` : ''}</Text>
      ) : process.env.TARO_ENV === 'weapp' ? (
        <>
          <Text className='ll-secondary'>到了活动现场，扫一扫工作人员出示的签到码。</Text>
          <Button id='checkin-scan' className='detail-secondary-button' type='primary' fill='outline' size='large' block loading={busy} onClick={scan}>
            {signup.status === 'attended' ? '扫码签退' : '扫码签到'}
          </Button>
        </>
      ) : (
        <>
          <Text className='ll-secondary'>
            {signup.status === 'attended' ? '离开时，输入签到码下面的那串字签退。' : '到了活动现场，输入签到码下面的那串字。'}
          </Text>
          <View className='ll-input-wrap detail-input'>
            <Input id='checkin-token' value={code} placeholder='输入签到码' maxLength={80} onChange={setCode} />
          </View>
          <Button id='checkin-token-submit' className='detail-secondary-button' type='primary' fill='outline' size='large' block loading={busy} onClick={() => send(code)}>
            {signup.status === 'attended' ? '签退' : '签到'}
          </Button>
        </>
      )}
      {message ? (
        <View id='checkin-message' className={`ll-notice detail-notice ${message.kind === 'error' ? 'll-notice-error' : 'll-notice-done'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <Text className='ll-text'>{message.text}</Text>
        </View>
      ) : null}
    </View>
  )
}
