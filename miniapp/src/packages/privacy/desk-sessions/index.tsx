import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type DeskSession } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'

/** 我的 → 已登录的电脑: desks logged in by scanning with this phone, each with 退出. */
export default function DeskSessionsPage() {
  const loggedIn = useRequireLogin('deskSessions')
  const sessions = useResource(async () => (await call(routes.myDeskSessions)).items, { enabled: loggedIn })
  const [leaving, setLeaving] = useState<DeskSession>()
  const [error, setError] = useState<string>()

  const signOut = async () => {
    if (!leaving) return
    try {
      await call(routes.revokeDeskSession, { params: { id: leaving.id } })
      setError(undefined)
    } catch (e) {
      setError(messageOf(e))
    }
    setLeaving(undefined)
    await sessions.reload()
  }

  return (
    <Page>
      <View className='ll-body' id='desk-sessions'>
        <Text className='ll-secondary'>退出后，那台电脑要重新用手机扫码才能再登录。</Text>
        {error ? (
          <Text className='ll-text'>
            {error}
          </Text>
        ) : null}
        {sessions.state.status === 'loading' ? <LoadingState cards={1} /> : null}
        {sessions.state.status === 'error' ? <ErrorState error={sessions.state.error} onRetry={() => void sessions.reload()} /> : null}
        {sessions.state.status === 'ready' && sessions.state.data.length === 0 ? (
          <EmptyState title='没有已登录的电脑' description='在电脑上打开工作台，用手机扫码确认后，会列在这里。' />
        ) : null}
        {sessions.state.status === 'ready'
          ? sessions.state.data.map((s) => (
              <View key={s.id} className='ll-card' id={`desk-session-${s.id}`}>
                <Text className='ll-heading'>{s.label}</Text>
                <Text className='ll-text'>登录时间：{formatDateTime(s.createdAt)}</Text>
                <Text className='ll-text'>最近使用：{s.lastUsedAt ? formatDateTime(s.lastUsedAt) : '还没用过'}</Text>
                <Text className='ll-secondary'>到 {formatDateTime(s.expiresAt)} 自动退出</Text>
                <Button id={`desk-session-revoke-${s.id}`} size='large' block onClick={() => setLeaving(s)}>
                  退出
                </Button>
              </View>
            ))
          : null}
        <ConfirmDialog
          visible={leaving !== undefined}
          title='让这台电脑退出登录？'
          text={leaving ? `${leaving.label}（${formatDateTime(leaving.createdAt)} 登录）会马上退出。` : undefined}
          confirmId='desk-session-revoke-confirm'
          confirmText='退出'
          danger
          onConfirm={signOut}
          onClose={() => setLeaving(undefined)}
        />
      </View>
    </Page>
  )
}
