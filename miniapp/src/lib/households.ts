import type { Household } from '@linli/shared'

/**
 * The claim page's 楼栋 → 单元 → 房号 cascade, derived from the flat list that
 * GET /communities/:id/households returns.
 */

/** Orders "2栋" before "10栋" and "302" before "1101" (numbers by value, then the text). */
export function compareNatural(a: string, b: string): number {
  const na = parseInt(a.replace(/^\D+/, ''), 10)
  const nb = parseInt(b.replace(/^\D+/, ''), 10)
  const aHas = !Number.isNaN(na)
  const bHas = !Number.isNaN(nb)
  if (aHas && bHas && na !== nb) return na - nb
  if (aHas !== bHas) return aHas ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

function distinctSorted(values: string[]): string[] {
  return [...new Set(values)].sort(compareNatural)
}

export function buildingsOf(households: readonly Household[]): string[] {
  return distinctSorted(households.map((h) => h.building))
}

export function unitsOf(households: readonly Household[], building: string): string[] {
  return distinctSorted(households.filter((h) => h.building === building).map((h) => h.unit))
}

export function roomsOf(households: readonly Household[], building: string, unit: string): Household[] {
  return households
    .filter((h) => h.building === building && h.unit === unit)
    .sort((a, b) => compareNatural(a.room, b.room))
}

/** Rooms grouped by floor (the room number without its last two digits), for a readable grid. */
export function roomsByFloor(rooms: readonly Household[]): { floor: string; rooms: Household[] }[] {
  const floors = new Map<string, Household[]>()
  for (const room of rooms) {
    const digits = room.room.replace(/\D/g, '')
    const floor = digits.length > 2 ? `${digits.slice(0, -2)}楼` : '其他'
    floors.set(floor, [...(floors.get(floor) ?? []), room])
  }
  return [...floors.entries()].map(([floor, list]) => ({ floor, rooms: list })).sort((a, b) => compareNatural(a.floor, b.floor))
}
