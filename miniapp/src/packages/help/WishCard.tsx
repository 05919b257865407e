import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { wishStateLabels, type Wish } from '@linli/shared'

const tone: Record<Wish['state'], string> = {
  published: 'll-chip ll-chip-pending',
  claimed: 'll-chip ll-chip-neutral',
  delivered: 'll-chip ll-chip-neutral',
  confirmed: 'll-chip ll-chip-approved',
}

/** One wish: the person as staff may show them (masked to residents), the wish, and who took it on. */
export function WishCard({ wish: w, children }: { wish: Wish; children?: ReactNode }) {
  return (
    <View className='ll-card' id={`wish-${w.id}`}>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{w.title}</Text>
        <Text className={tone[w.state]}>{wishStateLabels[w.state]}</Text>
      </View>
      <Text className='ll-text setup-line'>
        {w.beneficiaryName ? `${w.beneficiaryName}（居民看到的是 ${w.beneficiary}）` : w.beneficiary} · {w.communityName}
      </Text>
      {w.story ? <Text className='ll-text setup-line'>{w.story}</Text> : null}
      {w.claimer ? <Text className='ll-secondary setup-line'>认领：{w.claimedByMe && w.claimer.kind === 'resident' ? '我' : w.claimer.name}</Text> : null}
      {w.deliveryNote ? <Text className='ll-secondary setup-line'>送达说明：{w.deliveryNote}</Text> : null}
      {children}
    </View>
  )
}
