import type { Household } from '@linli/shared'

/**
 * Ordering and grouping for the 楼栋 → 单元 → 房号 picker. The server answers one level at a time
 * (GET /communities/:id/buildings, /units, /households of one unit) in no order people count in.
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

/** Names of one level (buildings or units), each once, in the order people count them. */
export function sortedNames(names: readonly string[]): string[] {
  return [...new Set(names)].sort(compareNatural)
}

/** One unit's rooms in the order people count them. */
export function sortedRooms(rooms: readonly Household[]): Household[] {
  return [...rooms].sort((a, b) => compareNatural(a.room, b.room))
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
