export type When = 'asap' | 'today' | 'tomorrow' | 'dayAfter'

export const WHEN_CHOICES: { value: When; label: string }[] = [
  { value: 'asap', label: '尽快' },
  { value: 'today', label: '今天' },
  { value: 'tomorrow', label: '明天' },
  { value: 'dayAfter', label: '后天' },
]

/** China time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3600_000

/**
 * When the help is wanted, as the server takes it: null for 尽快, now for 今天, and 9 a.m. China time of the
 * day for 明天 / 后天 (a morning visit is what elders usually ask for; the note can say otherwise).
 */
export function neededAtOf(when: When, now: Date): string | null {
  if (when === 'asap') return null
  if (when === 'today') return now.toISOString()
  const days = when === 'tomorrow' ? 1 : 2
  const chinaMidnight = Math.floor((now.getTime() + CHINA_OFFSET_MS) / 86_400_000) * 86_400_000 - CHINA_OFFSET_MS
  return new Date(chinaMidnight + days * 86_400_000 + 9 * 3600_000).toISOString()
}
