import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { DESK_TICKET_PATTERN, routes, type DeskLoginState } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { goTo } from '../../../navigation'
import './index.css'

/** What a scanned desk QR carries in `scene` (`d=<ticket>`), or a link's `ticket`. */
export function deskTicketOf(params: Record<string, string | undefined>): string | undefined {
  const scene = params.scene ? decodeURIComponent(params.scene) : undefined
  const ticket = scene?.startsWith('d=') ? scene.slice(2) : params.ticket
  return ticket && DESK_TICKET_PATTERN.test(ticket) ? ticket : undefined
}

function Result({ symbol, title, text }: { symbol: string; title: string; text: string }) {
  return (
    <View className='ll-result' id='desk-confirm-result'>
      <Text className='ll-result-symbol'>{symbol}</Text>
      <Text className='ll-title'>{title}</Text>
      <Text className='ll-result-text'>{text}</Text>
      <Button id='desk-confirm-to-mine' size='large' block onClick={() => goTo('mine')}>
        回到“我的”
      </Button>
    </View>
  )
}

function Confirm({ ticket }: { ticket: string }) {
  const desk = useResource<DeskLoginState>(() => call(routes.deskLoginState, { params: { ticket } }), { key: ticket })
  const [done, setDone] = useState<'confirmed' | 'cancelled'>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  if (done === 'confirmed') return <Result symbol='✓' title='电脑已登录' text='现在可以在电脑上工作了。用完请在“我的 → 已登录的电脑”里退出。' />
  if (done === 'cancelled') return <Result symbol='✕' title='已取消' text='电脑没有登录。如果不是您要登录的电脑，不用做别的。' />
  if (desk.state.status === 'loading') return <LoadingState cards={1} />
  if (desk.state.status === 'error') return <ErrorState title='这个二维码用不了' error={desk.state.error} onRetry={() => void desk.reload()} />
  const view = desk.state.data
  if (view.status !== 'pending') {
    const text = view.status === 'expired' ? '二维码已经过期了，请在电脑上点“刷新二维码”后重新扫码。' : '这个二维码已经用过了，请在电脑上点“刷新二维码”后重新扫码。'
    return <Result symbol='!' title='不能再用这个二维码' text={text} />
  }

  const confirm = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await call(routes.confirmDeskLogin, { params: { ticket } })
      setDone('confirmed')
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='ll-card' id='desk-confirm'>
      <Text className='ll-heading'>有一台电脑要用您的身份登录工作台</Text>
      <Text className='ll-text' id='desk-confirm-label'>
        电脑：{view.label}
      </Text>
      <Text className='ll-text'>请求时间：{formatDateTime(view.createdAt)}</Text>
      <Text className='ll-secondary'>只有您正坐在这台电脑前，或者是您请同事登录的，才点“确认登录”。</Text>
      {error ? (
        <Text className='ll-text desk-confirm-error' id='desk-confirm-error'>
          {error}
        </Text>
      ) : null}
      <Button id='desk-confirm-yes' className='desk-confirm-yes' size='xlarge' type='primary' block loading={busy} onClick={() => void confirm()}>
        确认登录
      </Button>
      <Button id='desk-confirm-no' size='large' block disabled={busy} onClick={() => setDone('cancelled')}>
        取消
      </Button>
    </View>
  )
}

/** Opened by scanning the desk's QR (mini-program code or the H5 link), after logging in on the phone. */
export default function DeskConfirmPage() {
  const params = useRouter().params
  const loggedIn = useRequireLogin('deskConfirm')
  const ticket = deskTicketOf(params)
  return (
    <Page>
      <View className='ll-body'>
        {!ticket ? (
          <Result symbol='!' title='二维码内容不对' text='请在电脑上点“刷新二维码”后重新扫码。' />
        ) : loggedIn ? (
          <Confirm ticket={ticket} />
        ) : null}
      </View>
    </Page>
  )
}
