import { serviceRequestStateLabels, type ServiceRequest, type ServiceRequestState } from '@linli/shared'

const chipTone: Record<ServiceRequestState, string> = {
  submitted: 'll-chip-pending',
  accepted: 'll-chip-pending',
  assigned: 'll-chip-pending',
  started: 'll-chip-pending',
  done: 'll-chip-pending',
  confirmed: 'll-chip-approved',
  declined: 'll-chip-rejected',
  cancelled: 'll-chip-neutral',
}

/** The state as a chip: always its words, the colour only repeats them. */
export function stateChip(state: ServiceRequestState): { className: string; text: string } {
  return { className: `ll-chip ${chipTone[state]}`, text: serviceRequestStateLabels[state] }
}

/** How long a request has waited, as staff read it: 刚刚 / 3小时 / 2天5小时. */
export function ageText(minutes: number): string {
  if (minutes < 60) return minutes < 5 ? '刚刚' : `${minutes}分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours}小时`
  const rest = hours % 24
  return rest ? `${Math.floor(hours / 24)}天${rest}小时` : `${Math.floor(hours / 24)}天`
}

/** Who does it, in words, or null before it is assigned. */
export function assigneeText(r: Pick<ServiceRequest, 'assignee'>): string | null {
  return r.assignee ? r.assignee.name : null
}
