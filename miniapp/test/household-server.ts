import type { Household } from '@linli/shared'
import type { installFakeServer } from './fake-server'

type Handlers = Parameters<typeof installFakeServer>[0]

/**
 * The household picker's three routes over one community's households, as the server answers them: buildings,
 * a building's units, and a page of households filtered by building and unit (in id order). `maxPageSize` plays a
 * server that answers with fewer rooms than asked for, to show the client reads every page.
 */
export function householdRoutes(communityId: number, households: readonly Household[], maxPageSize = 500): Handlers {
  const distinct = (values: string[]) => [...new Set(values)]
  return {
    [`GET /api/communities/${communityId}/buildings`]: () => ({ body: { items: distinct(households.map((h) => h.building)) } }),
    [`GET /api/communities/${communityId}/units`]: ({ query }) => ({
      body: { items: distinct(households.filter((h) => h.building === query.get('building')).map((h) => h.unit)) },
    }),
    [`GET /api/communities/${communityId}/households`]: ({ query }) => {
      const building = query.get('building')
      const unit = query.get('unit')
      const page = Number(query.get('page') ?? 1)
      const pageSize = Math.min(Number(query.get('pageSize') ?? 500), maxPageSize)
      const matching = [...households]
        .filter((h) => (!building || h.building === building) && (!unit || h.unit === unit))
        .sort((a, b) => a.id - b.id)
      return { body: { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize } }
    },
  }
}
