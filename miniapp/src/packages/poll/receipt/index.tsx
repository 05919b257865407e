import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { useRequireLogin } from '../../../hooks/useSession'
import '../poll.css'

type Outcome = { kind: 'counted' | 'missing' | 'error'; text: string }

/** 查验回执: whether the ballot with this receipt code is counted. It never says what the ballot chose. */
export default function PollReceiptPage() {
  useRequireLogin('pollReceipt')
  const params = useRouter().params
  const id = Number(params.id)
  const [code, setCode] = useState(params.code ?? '')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()

  const check = async () => {
    const typed = code.trim()
    if (!typed) {
      setOutcome({ kind: 'error', text: '请先填写回执码，就是投票成功后显示的那一串字母和数字' })
      return
    }
    setBusy(true)
    setOutcome(undefined)
    try {
      const { counted } = await call(routes.checkReceipt, { params: { id, code: typed } })
      setOutcome(
        counted
          ? { kind: 'counted', text: '✓ 已计入：这张选票已经算在投票结果里了。' }
          : { kind: 'missing', text: '没有找到这张选票。请核对回执码是否抄错了（字母和数字要一个一个对上）；如果确认没错，请联系居委会。' },
      )
    } catch (error) {
      setOutcome({ kind: 'error', text: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page
      footer={
        <Button id='receipt-check' type='primary' size='xlarge' block loading={busy} onClick={check}>
          查验
        </Button>
      }
    >
      <View className='ll-body'>
        <Text className='ll-title'>查验回执</Text>
        <Text className='ll-text'>填上投票成功后拿到的回执码，可以查到您的选票是否已经计入结果。</Text>
        <Text className='ll-secondary'>只会告诉您“已计入”或“没有找到”，不会显示选票上选了什么，别人也查不到。</Text>
        <View className='ll-card poll-check-result'>
          <Text className='ll-field-label'>回执码</Text>
          <View className='ll-input-wrap'>
            <Input id='receipt-code' value={code} placeholder='比如：K7QM-3XTP-9BCD-WR2F' maxLength={64} onChange={setCode} />
          </View>
        </View>
        {outcome ? (
          <View
            id='receipt-outcome'
            data-kind={outcome.kind}
            className={outcome.kind === 'counted' ? 'll-notice ll-notice-done' : outcome.kind === 'error' ? 'll-notice ll-notice-error' : 'll-notice'}
            role={outcome.kind === 'counted' ? 'status' : 'alert'}
          >
            <Text className='ll-text poll-eligibility-text'>{outcome.text}</Text>
          </View>
        ) : null}
      </View>
    </Page>
  )
}
