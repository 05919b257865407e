import { ROLE_SCOPE, type Community, type InvitableRole, type Organisation } from '@linli/shared'

export interface ScopeChoice {
  id: number
  name: string
}

/** Where a role can be held: the street, a community, an organisation (a leader: a volunteer team only). */
export function scopeChoices(role: InvitableRole, communities: Community[], organisations: Organisation[]): ScopeChoice[] {
  switch (ROLE_SCOPE[role]) {
    case 'street': {
      const streets = new Map(communities.map((c) => [c.street.id, c.street.name]))
      return [...streets].map(([id, name]) => ({ id, name }))
    }
    case 'community':
      return communities.map((c) => ({ id: c.id, name: c.name }))
    default:
      return organisations.filter((o) => role !== 'team_leader' || o.type === 'volunteer_team').map((o) => ({ id: o.id, name: o.name }))
  }
}
