import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, type Grant, type InviteView } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { formatDateTime } from '../../../lib/format'
import { goTo, goToLogin, replaceWith } from '../../../navigation'
import { session } from '../../../stores/session'
import { grantText, inviteCodeOf } from '../shared/grantText'
import './index.css'

/** Typing the six characters of an invite someone read out or sent. */
function CodeEntry() {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const submit = () => {
    const trimmed = code.trim().toUpperCase()
    if (!/^[A-Z0-9]{6}$/.test(trimmed)) {
      setError('邀请码是6位字母或数字，请核对后再输入')
      return
    }
    // As a scanned code would open it, so the code survives a login on the way.
    replaceWith('staffInvite', { scene: `i=${trimmed}` })
  }
  return (
    <View className='ll-card'>
      <Text className='ll-heading'>请输入邀请码</Text>
      <Text className='ll-secondary'>邀请您的工作人员会给您一个6位的邀请码。</Text>
      <View className='invite-code-input'>
        <Input id='invite-code' value={code} placeholder='例如 K7QM3X' maxLength={6} onChange={setCode} />
      </View>
      {error ? (
        <Text className='ll-text invite-error'>
          {error}
        </Text>
      ) : null}
      <Button id='invite-lookup' size='large' type='primary' block onClick={submit}>
        查看邀请
      </Button>
    </View>
  )
}

function InviteDetails({ code }: { code: string }) {
  const invite = useResource<InviteView>(() => call(routes.showInvite, { params: { code } }), { key: code })
  const [accepted, setAccepted] = useState<Grant>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  if (accepted) {
    return (
      <View className='ll-result' id='invite-accepted'>
        <Text className='ll-result-symbol'>✓</Text>
        <Text className='ll-title'>您已加入</Text>
        <Text className='ll-result-text'>您现在是{grantText(accepted.role, accepted.scope)}。工作人员的功能在“我的 → 工作台”里。</Text>
        <Button id='invite-to-mine' size='large' type='primary' block onClick={() => goTo('mine')}>
          去“我的”
        </Button>
      </View>
    )
  }
  if (invite.state.status === 'loading') return <LoadingState cards={1} />
  if (invite.state.status === 'error') return <ErrorState title='这个邀请用不了' error={invite.state.error} onRetry={() => void invite.reload()} />
  const view = invite.state.data

  const accept = async () => {
    if (!session.isLoggedIn()) return goToLogin()
    setBusy(true)
    setError(undefined)
    try {
      setAccepted(await call(routes.acceptInvite, { params: { code } }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='ll-card' id='invite-details'>
      <Text className='ll-secondary'>{view.inviterName ? `${view.inviterName} 邀请您成为` : '街道邀请您成为'}</Text>
      <Text className='ll-title' id='invite-role'>
        {grantText(view.role, view.scope)}
      </Text>
      <Text className='ll-secondary'>邀请有效期到 {formatDateTime(view.expiresAt)}，只能使用一次。</Text>
      {error ? (
        <Text className='ll-text invite-error'>
          {error}
        </Text>
      ) : null}
      <Button id='invite-accept' size='large' type='primary' block loading={busy} onClick={() => void accept()}>
        {session.isLoggedIn() ? '接受邀请' : '登录后接受邀请'}
      </Button>
    </View>
  )
}

/** Opened by a scanned mini-program code or a link (`scene` = `i=<code>`), or from 我的 to type a code. */
export default function InvitePage() {
  const { scene } = useRouter().params
  const code = inviteCodeOf(scene ? decodeURIComponent(scene) : undefined)
  return (
    <Page>
      <View className='ll-body'>{code ? <InviteDetails code={code} /> : <CodeEntry />}</View>
    </Page>
  )
}
