import { Text, View } from '@tarojs/components'
import type { ServiceTier } from '@linli/shared'
import { Button } from '../../../components/nutui'
import { Field } from '../../staff/shared/Field'

export interface TierDraft {
  tier: string
  everyDays: string
}

/** The common rule of the Kunming catalogue: 高风险 weekly, 重点 monthly, 一般 quarterly. */
export const COMMON_TIERS: TierDraft[] = [
  { tier: '高风险', everyDays: '7' },
  { tier: '重点', everyDays: '30' },
  { tier: '一般', everyDays: '90' },
]

/** Drafts → tiers, or the first problem in words. */
export function tiersOf(drafts: TierDraft[]): ServiceTier[] | string {
  const tiers: ServiceTier[] = []
  for (const d of drafts) {
    const days = Number(d.everyDays)
    if (!d.tier.trim()) return '每个分级都要有名称'
    if (!Number.isInteger(days) || days < 1 || days > 366) return `“${d.tier.trim()}”的探访周期要填 1 到 366 天`
    tiers.push({ tier: d.tier.trim(), everyDays: days })
  }
  if (new Set(tiers.map((t) => t.tier)).size !== tiers.length) return '分级的名称不能重复'
  return tiers
}

/** Visit rules by tier: a name and “at least every N days”, added and removed with buttons. */
export function TierEditor({ value, onChange }: { value: TierDraft[]; onChange: (v: TierDraft[]) => void }) {
  const set = (i: number, patch: Partial<TierDraft>) => onChange(value.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  return (
    <View className='setup-field' id='tier-editor'>
      <Text className='ll-text setup-field-label'>探访要求（按服务对象分级，可不填）</Text>
      {value.map((t, i) => (
        <View key={i} className='svc-tier'>
          <Field id={`tier-name-${i}`} label='分级' value={t.tier} maxLength={10} onChange={(tier) => set(i, { tier })} />
          <Field id={`tier-days-${i}`} label='至少每几天探访一次' value={t.everyDays} type='number' maxLength={3} onChange={(everyDays) => set(i, { everyDays })} />
          <Button id={`tier-remove-${i}`} size='large' fill='outline' onClick={() => onChange(value.filter((_, j) => j !== i))}>
            删除
          </Button>
        </View>
      ))}
      <View className='svc-actions'>
        <Button id='tier-add' size='large' fill='outline' onClick={() => onChange([...value, { tier: '', everyDays: '30' }])}>
          添加分级
        </Button>
        {value.length === 0 ? (
          <Button id='tier-common' size='large' fill='outline' onClick={() => onChange(COMMON_TIERS)}>
            用常见分级（高风险7天、重点30天、一般90天）
          </Button>
        ) : null}
      </View>
    </View>
  )
}
