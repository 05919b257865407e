import { Text } from '@tarojs/components'
import { claimStatusLabels, type ClaimStatus } from '@linli/shared'

const symbols: Record<ClaimStatus, string> = { approved: '✓ ', pending: '', rejected: '✕ ' }

/** A status is always a word (已认证 / 待审核 / 未通过), the colour only repeats it. */
export function StatusChip({ status }: { status: ClaimStatus }) {
  return (
    <Text className={`ll-chip ll-chip-${status}`}>
      {symbols[status]}
      {claimStatusLabels[status]}
    </Text>
  )
}
