import { Text, View } from '@tarojs/components'
import type { SeriesScope } from '@linli/shared'
import { Button, Dialog } from '../../../components/nutui'

/**
 * Saving a session of a weekly series: which sessions the changes are for. Two big worded buttons (and a way
 * back) rather than a switch in the form, asked at the moment it matters.
 */
export function ScopeDialog({ visible, onChoose, onClose }: { visible: boolean; onChoose: (scope: SeriesScope) => void; onClose: () => void }) {
  return (
    <Dialog
      visible={visible}
      title='这个活动每周都办，要改哪几次？'
      onClose={onClose}
      onCancel={onClose}
      footer={
        <View className='ll-dialog-actions'>
          <Button id='activity-form-scope-this' type='primary' size='large' block onClick={() => onChoose('this')}>
            只改这一次
          </Button>
          <Button id='activity-form-scope-following' type='primary' size='large' block onClick={() => onChoose('following')}>
            改这一次及以后各次
          </Button>
          <Button id='activity-form-scope-back' className='ll-dialog-back' size='large' block fill='outline' onClick={onClose}>
            先不保存
          </Button>
        </View>
      }
    >
      <Text className='ll-text'>改以后各次时，时间按这一次改动的多少一起挪，已取消或已结束的那几次不变。已报名的居民都会收到通知。</Text>
    </Dialog>
  )
}
