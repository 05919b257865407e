import { weekdayLabels, type OpeningHours, type OpeningPeriod } from '@linli/shared'

/** One text box per weekday, typed at a keyboard: "08:30-12:00 14:00-17:30"; empty is a day off. */
export function dayTexts(hours: OpeningHours | null): string[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) =>
    (hours?.periods ?? [])
      .filter((p) => p.day === day)
      .sort((a, b) => a.open.localeCompare(b.open))
      .map((p) => `${p.open}-${p.close}`)
      .join(' '),
  )
}

const RANGE = /(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})/g
const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`

/** The periods the boxes describe, or which day could not be read (the server judges order and overlaps). */
export function parseDayTexts(texts: string[]): { periods: OpeningPeriod[] } | { error: string } {
  const periods: OpeningPeriod[] = []
  for (const [i, text] of texts.entries()) {
    const found = [...text.matchAll(RANGE)]
    const leftover = text.replace(RANGE, '').replace(/[\s,，、;；]/g, '')
    if (leftover || (text.trim() && found.length === 0)) {
      return { error: `${weekdayLabels[i + 1]}的开放时间看不懂，请写成 08:30-12:00，有午休就写两段，休息就空着` }
    }
    for (const m of found) periods.push({ day: i + 1, open: pad(m[1], m[2]), close: pad(m[3], m[4]) })
  }
  return { periods }
}
