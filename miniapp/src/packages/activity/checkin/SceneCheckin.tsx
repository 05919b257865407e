import { useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { useRequireLogin } from '../../../hooks/useSession'
import { parseCheckinScene } from '../../../lib/activities'
import { goTo } from '../../../navigation'

type Outcome = { kind: 'busy' } | { kind: 'done' | 'error'; text: string }

/**
 * A resident scanned the mini-program code at the door with WeChat: the page opens with `scene`, checks them in
 * at once and says what happened in one sentence, with the activity one tap away.
 */
export function SceneCheckin({ scene }: { scene: string }) {
  const loggedIn = useRequireLogin('activityCheckin')
  const parsed = useMemo(() => parseCheckinScene(scene), [scene])
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'busy' })
  const started = useRef(false)

  useEffect(() => {
    if (!loggedIn || started.current) return
    started.current = true
    if (!parsed) {
      setOutcome({ kind: 'error', text: '这个签到码看不懂，请让工作人员再出示一次，或在活动页面输入码下面的字' })
      return
    }
    call(routes.checkIn, { params: { id: parsed.activityId }, body: { token: parsed.token } })
      .then((result) => setOutcome({ kind: 'done', text: result.action === 'checked_out' ? '已签退，谢谢您的服务' : '签到成功，欢迎您！' }))
      .catch((error: unknown) => setOutcome({ kind: 'error', text: messageOf(error) }))
  }, [loggedIn, parsed])

  return (
    <Page
      footer={
        parsed ? (
          <Button id='scene-checkin-activity' type='primary' size='xlarge' block onClick={() => goTo('activityDetail', { id: parsed.activityId })}>
            查看活动
          </Button>
        ) : undefined
      }
    >
      <View className='ll-body ll-result' id='scene-checkin' role='status'>
        {outcome.kind === 'busy' ? (
          <Text className='ll-title'>正在签到…</Text>
        ) : (
          <>
            <View className={outcome.kind === 'done' ? 'll-result-symbol' : 'll-result-symbol ll-result-symbol-plain'}>{outcome.kind === 'done' ? '✓' : 'i'}</View>
            <Text id='scene-checkin-result' className='ll-title'>
              {outcome.text}
            </Text>
          </>
        )}
      </View>
    </Page>
  )
}
