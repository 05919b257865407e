import { useState } from 'react'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import type { BaseEventOrig, ButtonProps } from '@tarojs/components'
import { routes, type Me } from '@linli/shared'
import { call, messageOf } from '../api'
import { Button } from './nutui'

/**
 * Staff only: a contact phone for the committee to reach them about their work. Residents are never asked. The
 * number comes from WeChat's own getPhoneNumber button (WeChat-only: the browser says so) and is shown masked.
 */
export function StaffPhoneCard({ me, onChange }: { me: Me; onChange: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      onChange()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const bind = (event: BaseEventOrig<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const { code } = event.detail as { code?: string }
    // No code: the person closed WeChat's sheet. Nothing to say.
    if (code) void run(() => call(routes.bindPhone, { body: { code } }))
  }

  return (
    <View id='staff-phone' className='ll-card'>
      <Text className='ll-heading'>工作联系电话</Text>
      <Text id='staff-phone-number' className='ll-text'>
        {me.phone ? `已绑定：${me.phone}` : '还没有绑定'}
      </Text>
      <Text className='ll-secondary'>只给工作人员用，方便居委会联系您；居民看不到完整号码。</Text>
      {me.phone ? (
        <Button id='staff-phone-unbind' size='large' block fill='outline' loading={busy} onClick={() => void run(() => call(routes.unbindPhone))}>
          解除绑定
        </Button>
      ) : process.env.TARO_ENV === 'weapp' ? (
        <NativeButton id='staff-phone-bind' className='ll-native-primary' openType='getPhoneNumber' disabled={busy} onGetPhoneNumber={bind}>
          用微信绑定手机号
        </NativeButton>
      ) : (
        <View id='staff-phone-weapp-only' className='ll-notice' role='note'>
          <Text className='ll-text'>绑定手机号要用微信小程序，浏览器里不能绑定。</Text>
        </View>
      )}
      {error ? (
        <View className='ll-notice ll-notice-error' role='alert'>
          <Text className='ll-text'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}
