import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Me } from '@linli/shared'
import { ApiError, call, messageOf } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { BackToMineButton } from '../../../components/BackToMineButton'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useMe } from '../../../hooks/useSession'
import { meStore } from '../../../stores/session'
import '../privacy.css'

/** The server's limit (shared UpdateMeSchema), said here before anything is sent. */
const MAX_CHARS = 20

/** What to show for a refusal: the field's own words (which word was refused) rather than the general message. */
function refusalOf(error: unknown): string {
  if (error instanceof ApiError && error.fields[0]) return error.fields[0].message
  return messageOf(error)
}

function Saved({ me }: { me: Me }) {
  const held = me.pendingNickname !== null
  return (
    <Page
      footer={<BackToMineButton id='nickname-done' />}
    >
      <View className='ll-body ll-result' id='nickname-saved' role='status'>
        <View className='ll-result-symbol'>✓</View>
        <Text className='ll-title'>{held ? '新昵称等社区审核' : '昵称已修改'}</Text>
        <Text className='ll-text ll-result-text'>
          {held
            ? `“${me.pendingNickname}”需要社区工作人员看一下，通过后大家才能看到。在这之前，大家看到的还是“${me.nickname}”。`
            : `大家现在看到的是“${me.nickname}”。`}
        </Text>
      </View>
    </Page>
  )
}

/** 我的 → 修改昵称: one box and one wide button. A nickname the content check holds waits for the committee. */
export default function NicknamePage() {
  const { state, reload } = useMe('editNickname')
  const me = state.data
  const [typed, setTyped] = useState<string>()
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<Me>()

  if (saved) return <Saved me={saved} />
  if (!me) return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />}</Page>

  const value = typed ?? me.nickname
  const save = async () => {
    const nickname = value.trim()
    if (!nickname) return setError('请填写新昵称')
    if (nickname.length > MAX_CHARS) return setError(`昵称最多 ${MAX_CHARS} 个字，请删掉一些`)
    setError(undefined)
    setSaving(true)
    try {
      const updated = await call(routes.updateMe, { body: { nickname } })
      meStore.set(updated)
      setSaved(updated)
    } catch (e) {
      setError(refusalOf(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Page
      footer={
        <Button id='nickname-save' type='primary' size='xlarge' block loading={saving} disabled={saving} onClick={save}>
          {saving ? '正在保存…' : '保存'}
        </Button>
      }
    >
      <View className='ll-body'>
        <View className='ll-card'>
          <Text className='ll-secondary'>现在大家看到的昵称</Text>
          <Text className='ll-title' id='nickname-current'>
            {me.nickname}
          </Text>
          {me.pendingNickname ? (
            <View id='nickname-pending' className='ll-notice' role='note'>
              <Text className='ll-text'>新昵称“{me.pendingNickname}”正在等社区工作人员审核。</Text>
            </View>
          ) : null}
        </View>
        <Text className='ll-field-label'>新昵称</Text>
        <View className={error ? 'll-input-wrap privacy-input-error' : 'll-input-wrap'}>
          <Input
            id='nickname-input'
            value={value}
            placeholder={`最多 ${MAX_CHARS} 个字`}
            maxLength={MAX_CHARS}
            onChange={(next) => {
              setTyped(next)
              if (error) setError(undefined)
            }}
          />
        </View>
        {error ? (
          <View role='alert'>
            <Text id='nickname-error' className='ll-field-error'>
              {error}
            </Text>
          </View>
        ) : null}
        <Text className='ll-secondary'>昵称会显示在活动报名和署名投票里，请不要写手机号、微信号。</Text>
      </View>
    </Page>
  )
}
