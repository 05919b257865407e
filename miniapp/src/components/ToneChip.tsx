import { Text } from '@tarojs/components'
import type { ChipTone } from '../lib/activities'

const symbols: Record<ChipTone, string> = { approved: '✓ ', pending: '', rejected: '', neutral: '' }

/** A chip that always carries its word; the tone only repeats it in colour. */
export function ToneChip({ label, tone, id }: { label: string; tone: ChipTone; id?: string }) {
  return (
    // Taro H5 would write id="undefined" for a missing id.
    <Text {...(id ? { id } : {})} className={`ll-chip ll-chip-${tone}`}>
      {symbols[tone]}
      {label}
    </Text>
  )
}
