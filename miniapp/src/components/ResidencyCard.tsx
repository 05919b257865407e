import { Text, View } from '@tarojs/components'
import type { Me } from '@linli/shared'
import { formatDateTime, householdLabel } from '../lib/format'
import { residencyStateOf } from '../lib/residency'
import { goTo } from '../navigation'
import { Button } from './nutui'
import { StatusChip } from './StatusChip'

interface ResidencyCardProps {
  me: Me
  id: string
  /**
   * The 认证 / 重新认证 button inside the card: 'main' where it is the page's main action,
   * 'secondary' where the page has another one, 'none' where the page has it fixed at the bottom.
   */
  action?: 'main' | 'secondary' | 'none'
}

/** My household and whether the committee has confirmed it: 已认证 / 待审核 / 未通过 / not yet. */
export function ResidencyCard({ me, id, action = 'main' }: ResidencyCardProps) {
  const state = residencyStateOf(me)
  const claimButton = (text: string) =>
    action !== 'none' ? (
      <Button
        className='residency-action'
        type='primary'
        fill={action === 'main' ? 'solid' : 'outline'}
        size='large'
        block
        onClick={() => goTo('claimHousehold')}
      >
        {text}
      </Button>
    ) : null

  switch (state.kind) {
    case 'verified':
      return (
        <View id={id} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>我的住户</Text>
            <StatusChip status='approved' />
          </View>
          <Text className='ll-text residency-household'>{householdLabel(state.residency.household)}</Text>
          <Text className='ll-secondary'>{state.residency.source === 'census' ? '已按社区登记名单认证' : '居委会已确认您住在这里'}</Text>
        </View>
      )
    case 'pending':
      return (
        <View id={id} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>住户认证</Text>
            <StatusChip status='pending' />
          </View>
          <Text className='ll-text residency-household'>{householdLabel(state.claim.household)}</Text>
          <Text className='ll-secondary'>提交于 {formatDateTime(state.claim.createdAt)}</Text>
          <Text className='ll-secondary'>居委会审核后会通知您，请耐心等待。</Text>
        </View>
      )
    case 'rejected':
      return (
        <View id={id} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>住户认证</Text>
            <StatusChip status='rejected' />
          </View>
          <Text className='ll-text residency-household'>{householdLabel(state.claim.household)}</Text>
          <Text className='ll-text'>原因：{state.claim.reason ?? '居委会没有写明原因'}</Text>
          <Text className='ll-secondary'>请核对房号和真实姓名后重新申请，或到居委会问一问。</Text>
          {claimButton('重新认证')}
        </View>
      )
    case 'none':
      return (
        <View id={id} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>住户认证</Text>
            <Text className='ll-chip'>未认证</Text>
          </View>
          <Text className='ll-text'>认证您住在哪一户后，就能报名本社区的活动、参加议事投票。</Text>
          {claimButton('认证我的住户')}
        </View>
      )
  }
}
