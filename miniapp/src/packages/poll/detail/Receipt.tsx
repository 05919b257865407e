import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BallotReceipt, PollDetail } from '@linli/shared'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { goTo } from '../../../navigation'
import { ChosenLines } from '../ChosenLines'

/**
 * Right after voting: that the ballot is in and cannot be changed; for a named ballot my choices, for a secret
 * one the receipt code (shown only now) to copy, and the way to check it is counted.
 */
export function Receipt({ poll, receipt, onDone }: { poll: PollDetail; receipt: BallotReceipt; onDone: () => void }) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: receipt.receiptCode })
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <Page
      footer={
        <Button id='poll-receipt-done' type='primary' size='xlarge' block onClick={onDone}>
          返回投票页面
        </Button>
      }
    >
      <View className='ll-body ll-result poll-receipt' id='poll-receipt' role='status'>
        <View className='ll-result-symbol'>✓</View>
        <Text className='ll-title'>投票成功</Text>
        <Text className='ll-text ll-result-text poll-receipt-text'>您的选票已经计入，不能再修改。</Text>
        <Text className='ll-secondary'>{poll.title}</Text>

        {receipt.answers ? (
          <View id='poll-receipt-answers' className='ll-card poll-receipt-card'>
            <Text className='ll-heading'>您的选择（记名投票）</Text>
            <ChosenLines questions={poll.questions} answers={receipt.answers} />
          </View>
        ) : (
          <View className='ll-card poll-receipt-card'>
            <Text className='ll-heading'>您的回执码</Text>
            {/* Groups of four wrap whole on a narrow phone in 大字模式. */}
            <View id='poll-receipt-code' className='poll-receipt-code' data-code={receipt.receiptCode}>
              {receipt.receiptCode.split('-').map((group, i) => (
                <Text key={i} className='poll-receipt-group' userSelect>
                  {i ? `-${group}` : group}
                </Text>
              ))}
            </View>
            <Text className='ll-secondary'>
              这是无记名投票，您选了什么不会记在您名下，之后也不会再显示。回执码只显示这一次，请抄下来或复制保存：凭它可以查验您的选票已经计入，但谁也看不到您选了什么。
            </Text>
            <Button id='poll-receipt-copy' className='poll-secondary-button' size='large' block fill='outline' onClick={copy}>
              {copied ? '✓ 已复制' : '复制回执码'}
            </Button>
            <Button
              id='poll-receipt-check'
              className='poll-secondary-button'
              size='large'
              block
              fill='outline'
              onClick={() => goTo('pollReceipt', { id: poll.id, code: receipt.receiptCode })}
            >
              查验回执
            </Button>
          </View>
        )}
      </View>
    </Page>
  )
}
