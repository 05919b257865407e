import { Text, View } from '@tarojs/components'
import { LinkCell } from '../../components/LinkCell'
import { Button } from '../../components/nutui'
import { Page } from '../../components/Page'
import { ResidencyCard } from '../../components/ResidencyCard'
import { ErrorState, LoadingState } from '../../components/States'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useMe } from '../../hooks/useSession'
import { greeting } from '../../lib/format'
import { residencyStateOf } from '../../lib/residency'
import { goTo } from '../../navigation'
import './index.css'

/** What is being built, said plainly, so nobody looks for it and wonders. */
const comingSoon = [
  { title: '议事投票', text: '小区里的大事小事，大家一起商量、投票，结果公开。' },
  { title: '社区通知', text: '居委会的通知和活动回顾，第一时间看到。' },
]

export default function HomePage() {
  const { state, reload } = useMe('home')
  usePullRefresh(reload)
  const me = state.data

  if (!me) {
    return <Page>{state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />}</Page>
  }

  const needsClaim = ['none', 'rejected'].includes(residencyStateOf(me).kind)
  // One main action: staff come here to review claims; residents without a household to claim one.
  const footer = me.isStaff ? (
    <Button id='home-staff-entry' type='primary' size='xlarge' block onClick={() => goTo('staffClaims')}>
      审核住户认证
    </Button>
  ) : needsClaim ? (
    <Button id='home-claim' type='primary' size='xlarge' block onClick={() => goTo('claimHousehold')}>
      认证我的住户
    </Button>
  ) : undefined
  return (
    <Page footer={footer}>
      <View className='ll-body'>
        <Text className='ll-title'>
          {greeting()}，{me.nickname}
        </Text>
        <ResidencyCard me={me} id='home-residency' action={me.isStaff ? 'secondary' : 'none'} />

        <Text className='ll-section-title'>社区活动</Text>
        <LinkCell id='home-activities' title='看看近期活动' description='太极、义诊、讲座等，在手机上就能报名，还能带家人' onClick={() => goTo('activities')} />
        <LinkCell id='home-signups' title='我的报名' description='报过的活动和签到码' onClick={() => goTo('mySignups')} />
        <LinkCell id='home-inbox' title='消息' description='报名结果、候补空位、活动变动的通知' onClick={() => goTo('inbox')} />

        <Text className='ll-section-title'>即将上线</Text>
        {comingSoon.map((item) => (
          <View className='ll-card home-soon' key={item.title}>
            <View className='ll-card-row'>
              <Text className='ll-heading'>{item.title}</Text>
              <Text className='ll-chip'>即将上线</Text>
            </View>
            <Text className='ll-secondary'>{item.text}</Text>
          </View>
        ))}
      </View>
    </Page>
  )
}
