import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { roleLabels, routes, type CreatedInvite, type InvitableRole } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { useResource } from '../../../hooks/useResource'
import { formatDateTime } from '../../../lib/format'
import { qrDataUrl } from '../../../lib/qr'
import { pagePaths } from '../../../paths'
import { grantText } from '../shared/grantText'
import { scopeChoices } from './scopeChoices'

const ROLES: InvitableRole[] = ['committee_staff', 'org_staff', 'social_worker', 'team_leader', 'street_admin']

/** Where a plain QR points: the H5 invite page on this very site; WeChat shows its own mini-program code instead. */
function plainQrText(invite: CreatedInvite): string {
  const origin = typeof window !== 'undefined' && window.location ? window.location.origin : ''
  return `${origin}/#/${pagePaths.staffInvite}?scene=${encodeURIComponent(invite.scene)}`
}

/** Invite someone: choose the role and where, then show the code and a QR to scan. */
export function InviteForm({ onCreated }: { onCreated: () => void }) {
  const places = useResource(() => Promise.all([call(routes.communities), call(routes.organisations)]))
  const [role, setRole] = useState<InvitableRole>('committee_staff')
  const [scopeId, setScopeId] = useState<number>()
  const [invite, setInvite] = useState<CreatedInvite>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const choices = places.state.data ? scopeChoices(role, places.state.data[0].items, places.state.data[1].items) : []

  const create = async () => {
    if (scopeId === undefined) return setError('请先选择在哪里任职')
    setBusy(true)
    setError(undefined)
    try {
      setInvite(await call(routes.createInvite, { body: { role, scopeId } }))
      onCreated()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  if (invite) {
    return (
      <View className='ll-card people-invite' id='people-invite-result'>
        <Text className='ll-heading'>邀请已生成</Text>
        <Text className='ll-text'>请对方用微信扫码，或在小程序“接受邀请”页面输入邀请码：</Text>
        <Text className='people-code' id='people-invite-code'>
          {invite.code}
        </Text>
        <Image id='people-invite-qr' className='people-qr' src={invite.image ?? qrDataUrl(plainQrText(invite))} mode='aspectFit' />
        <Text className='ll-text'>身份：{grantText(invite.role, invite.scope)}</Text>
        <Text className='ll-secondary'>有效期到 {formatDateTime(invite.expiresAt)}，只能使用一次。</Text>
        <Button id='people-invite-again' size='large' fill='outline' block onClick={() => setInvite(undefined)}>
          再邀请一位
        </Button>
      </View>
    )
  }

  return (
    <View className='ll-card people-invite'>
      <Text className='ll-heading'>邀请工作人员</Text>
      <Text className='ll-field-label'>身份</Text>
      <View className='people-options'>
        {ROLES.map((r) => (
          <Button
            key={r}
            id={`people-role-${r}`}
            className='people-option'
            type={r === role ? 'primary' : 'default'}
            fill={r === role ? 'solid' : 'outline'}
            onClick={() => {
              setRole(r)
              setScopeId(undefined)
            }}
          >
            {roleLabels[r]}
          </Button>
        ))}
      </View>
      <Text className='ll-field-label'>在哪里任职</Text>
      <View className='people-options'>
        {choices.map((c) => (
          <Button
            key={c.id}
            id={`people-scope-${c.id}`}
            className='people-option'
            type={c.id === scopeId ? 'primary' : 'default'}
            fill={c.id === scopeId ? 'solid' : 'outline'}
            onClick={() => setScopeId(c.id)}
          >
            {c.name}
          </Button>
        ))}
        {places.state.status === 'ready' && choices.length === 0 ? <Text className='ll-secondary'>没有可以选的地方</Text> : null}
      </View>
      {error ? (
        <Text className='ll-text people-error'>
          {error}
        </Text>
      ) : null}
      <Button id='people-invite-create' size='large' type='primary' block loading={busy} onClick={() => void create()}>
        生成邀请
      </Button>
    </View>
  )
}
