import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { routes, type DeskLoginTicket } from '@linli/shared'
import { call, messageOf } from '../../api'
import { Button } from '../../components/nutui'
import { qrDataUrl } from '../../lib/qr'
import { afterLogin } from '../../navigation'
import { session } from '../../stores/session'

/** How often the desk asks whether a phone has confirmed. */
export const DESK_POLL_MS = 2000

type State =
  | { kind: 'loading' }
  | { kind: 'showing'; ticket: DeskLoginTicket }
  | { kind: 'over'; why: 'expired' | 'used' }
  | { kind: 'error'; message: string }

function secondsLeft(expiresAt: string): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000))
}

/**
 * At a desk (H5 without the demo picker): a QR for a staff member to scan with the mini-program, or open on the
 * phone, and confirm. The desk keeps the ticket's key to itself and polls until the confirm hands it a session.
 */
export function DeskLogin() {
  const { params } = useRouter()
  const [state, setState] = useState<State>({ kind: 'loading' })
  // Re-renders the countdown every second.
  const [, setTick] = useState(0)

  const fresh = async () => {
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'showing', ticket: await call(routes.createDeskLogin) })
    } catch (error) {
      setState({ kind: 'error', message: messageOf(error) })
    }
  }
  useEffect(() => {
    void fresh()
  }, [])

  const ticket = state.kind === 'showing' ? state.ticket : null
  useEffect(() => {
    if (!ticket) return
    let stopped = false
    const poll = async () => {
      if (stopped) return
      try {
        const answer = await call(routes.deskLoginState, { params: { ticket: ticket.ticket }, query: { key: ticket.key } })
        if (stopped) return
        if (answer.session) {
          stopped = true
          session.start(answer.session)
          afterLogin(params.from)
          return
        }
        if (answer.status === 'expired' || answer.status === 'used') {
          stopped = true
          setState({ kind: 'over', why: answer.status })
          return
        }
      } catch {
        // A failed poll (network) is tried again at the next tick; the countdown still ends it.
      }
      if (secondsLeft(ticket.expiresAt) === 0) {
        stopped = true
        setState({ kind: 'over', why: 'expired' })
      }
    }
    void poll()
    const timer = setInterval(() => void poll(), DESK_POLL_MS)
    const ticker = setInterval(() => setTick((n) => n + 1), 1000)
    return () => {
      stopped = true
      clearInterval(timer)
      clearInterval(ticker)
    }
  }, [ticket])

  const refresh = (
    <Button id='desk-login-refresh' size='large' type='primary' block onClick={() => void fresh()}>
      刷新二维码
    </Button>
  )
  return (
    <View className='ll-card desk-login' id='desk-login'>
      <Text className='ll-heading'>用手机扫码登录</Text>
      <Text className='ll-text'>请工作人员用微信扫一扫下面的二维码，在手机上点“确认登录”。</Text>
      {state.kind === 'loading' ? <Text className='ll-secondary'>正在生成二维码…</Text> : null}
      {state.kind === 'error' ? (
        <View role='alert'>
          <Text className='ll-text login-error'>{state.message}</Text>
          {refresh}
        </View>
      ) : null}
      {state.kind === 'showing' ? (
        <View className='desk-login-qr'>
          <Image id='desk-login-qr' className='desk-login-image' src={state.ticket.image ?? qrDataUrl(state.ticket.link)} mode='aspectFit' />
          <Text className='ll-text' id='desk-login-countdown'>
            二维码 {secondsLeft(state.ticket.expiresAt)} 秒内有效
          </Text>
          <Text className='ll-secondary'>这台电脑：{state.ticket.label}</Text>
          {refresh}
        </View>
      ) : null}
      {state.kind === 'over' ? (
        <View id='desk-login-over'>
          <Text className='ll-text'>{state.why === 'expired' ? '二维码已过期，请刷新后重新扫码。' : '这个二维码已经用过了，请刷新后重新扫码。'}</Text>
          {refresh}
        </View>
      ) : null}
    </View>
  )
}
