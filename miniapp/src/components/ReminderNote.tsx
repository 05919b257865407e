import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import { loadSubscribeTemplates, subscribeAvailable } from '../lib/subscribe'

/**
 * Says, before the tap, how the user will hear back: a WeChat reminder they can allow, or — when WeChat
 * reminders are not available here (H5, or not set up) — only 我的消息. Loads the template ids the tap needs.
 */
export function ReminderNote({ id }: { id: string }) {
  const [available, setAvailable] = useState(subscribeAvailable())
  useEffect(() => {
    let live = true
    void loadSubscribeTemplates().then(() => live && setAvailable(subscribeAvailable()))
    return () => {
      live = false
    }
  }, [])
  return (
    <Text id={id} className='ll-secondary ll-reminder-note'>
      {available ? '确认后微信会问您是否接收提醒，选“允许”就能在微信里收到通知。' : '结果和提醒会放在“我的”→“消息”里（暂时不能用微信提醒）。'}
    </Text>
  )
}
