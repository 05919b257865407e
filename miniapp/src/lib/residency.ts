import type { Me, Residency, ResidencyClaim } from '@linli/shared'

/** Where I stand as a resident, in the order that matters to me. */
export type ResidencyState =
  | { kind: 'verified'; residency: Residency }
  | { kind: 'pending'; claim: ResidencyClaim }
  | { kind: 'rejected'; claim: ResidencyClaim }
  | { kind: 'none' }

export function residencyStateOf(me: Pick<Me, 'residencies' | 'claims'>): ResidencyState {
  const [residency] = me.residencies
  if (residency) return { kind: 'verified', residency }
  const pending = me.claims.find((claim) => claim.status === 'pending')
  if (pending) return { kind: 'pending', claim: pending }
  // Claims come newest first: only the latest rejection is still news.
  const [latest] = me.claims
  if (latest?.status === 'rejected') return { kind: 'rejected', claim: latest }
  return { kind: 'none' }
}
