import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { useRequireLogin } from '../../../hooks/useSession'
import { afterLogin } from '../../../navigation'
import { session } from '../../../stores/session'
import '../privacy.css'

/**
 * 接手代办账号: a resident the committee helped (or their family) types the code the staff gave them; the account
 * with its sign-ups and 消息 becomes this WeChat's, and the app starts afresh as that account.
 */
export default function TakeOverPage() {
  const loggedIn = useRequireLogin('takeOver')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const trimmed = code.trim().toUpperCase()
    if (!/^[A-Z0-9]{12}$/.test(trimmed)) return setError('接管码是12位字母或数字，请核对后再输入')
    setBusy(true)
    setError(undefined)
    try {
      session.start(await call(routes.acceptHandover, { params: { code: trimmed } }))
      afterLogin('mine')
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  if (!loggedIn) return <Page>{null}</Page>
  return (
    <Page>
      <View className='ll-body'>
        <View className='ll-card'>
          <Text className='ll-heading'>请输入接管码</Text>
          <Text className='ll-secondary'>社区工作人员替您（或您的家人）登记过账号、报过名，会给您一个12位的接管码。输入后，这个账号和它的报名、消息就归这个微信了。</Text>
          <View className='ll-input-wrap'>
            <Input id='take-over-code' value={code} placeholder='例如 K7QM3XA2B9CD' maxLength={12} onChange={setCode} />
          </View>
          {error ? (
            <Text id='take-over-error' className='ll-field-error'>
              {error}
            </Text>
          ) : null}
          <Button id='take-over-submit' size='large' type='primary' block loading={busy} onClick={() => void submit()}>
            接手账号
          </Button>
        </View>
      </View>
    </Page>
  )
}
