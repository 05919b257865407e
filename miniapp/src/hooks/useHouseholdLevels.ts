import { routes, type Household } from '@linli/shared'
import { call } from '../api'
import { sortedNames, sortedRooms } from '../lib/households'
import { useResource } from './useResource'

/** Rooms per request: a unit's rooms nearly always fit on one page (the server's largest). */
const ROOMS_PAGE = 500

/** Every room of one unit, page by page (a unit larger than a page still comes whole). */
async function roomsOfUnit(communityId: number, building: string, unit: string): Promise<Household[]> {
  const rooms: Household[] = []
  for (let page = 1; ; page++) {
    const reply = await call(routes.households, { params: { id: communityId }, query: { building, unit, page, pageSize: ROOMS_PAGE } })
    rooms.push(...reply.items)
    if (reply.items.length === 0 || rooms.length >= reply.total) return sortedRooms(rooms)
  }
}

/**
 * The household picker's three levels, each read only once the level above is chosen, so a big census is never
 * sent whole: the community's buildings, the chosen building's units, the chosen unit's rooms.
 */
export function useHouseholdLevels(choice: { communityId?: number; building?: string; unit?: string; enabled?: boolean }) {
  const { communityId, building, unit, enabled = true } = choice
  const id = communityId ?? 0
  const buildings = useResource(async () => sortedNames((await call(routes.householdBuildings, { params: { id } })).items), {
    enabled: enabled && communityId !== undefined,
    key: id,
  })
  const units = useResource(async () => sortedNames((await call(routes.householdUnits, { params: { id }, query: { building: building ?? '' } })).items), {
    enabled: enabled && communityId !== undefined && building !== undefined,
    key: `${id}|${building ?? ''}`,
  })
  const rooms = useResource(() => roomsOfUnit(id, building ?? '', unit ?? ''), {
    enabled: enabled && communityId !== undefined && building !== undefined && unit !== undefined,
    key: `${id}|${building ?? ''}|${unit ?? ''}`,
  })
  return { buildings, units, rooms }
}
