import { Text, View } from '@tarojs/components'
import './desk.css'

export interface NoticeText {
  kind: 'done' | 'error'
  text: string
}

/** What just happened, in words: green for done, red (read out at once) for an error. */
export function Notice({ id, notice }: { id?: string; notice: NoticeText | null | undefined }) {
  if (!notice) return null
  return (
    <View id={id} className={notice.kind === 'error' ? 'setup-error' : 'setup-notice'} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <Text className='ll-text'>{notice.text}</Text>
    </View>
  )
}
