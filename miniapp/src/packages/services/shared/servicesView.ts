import { buildPath, routes, serviceBandLabels, serviceUnitLabels, type ServiceBand, type ServiceUnit } from '@linli/shared'

/** China today, YYYY-MM-DD (service days are China calendar days). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** 元 with two decimals and thousands grouped, as contracts write sums: 380,000.00 元. */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ',')} 元`
}

/** Yuan typed into a form → whole fen; null when it is not a sum of money. */
export function fenOf(text: string): number | null {
  const t = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null
  return Math.round(Number(t) * 100)
}

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`
}

export function amount(value: number, unit: ServiceUnit): string {
  return `${value} ${serviceUnitLabels[unit]}`
}

/** A band in words and its score, never colour alone: 基本达标（2分）. */
export function bandText(band: ServiceBand): string {
  return `${serviceBandLabels[band]}（${band}分）`
}

export const bandClass: Record<ServiceBand, string> = {
  3: 'll-chip ll-chip-approved',
  2: 'll-chip ll-chip-pending',
  1: 'll-chip ll-chip-pending',
  0: 'll-chip ll-chip-rejected',
}

/** Where the contract's Excel comes from (downloadFile adds the token). */
export function exportPath(contractId: number): string {
  return `${buildPath(routes.exportServiceContract.path, { id: contractId })}?format=xlsx`
}

/** 3天后到期 / 今天到期 / 已逾期5天. */
export function dueText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期${-daysLeft}天`
  if (daysLeft === 0) return '今天到期'
  return `${daysLeft}天后到期`
}
