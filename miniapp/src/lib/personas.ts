import { personaProfiles, type Persona } from '@linli/shared'

/** The seeded demo identities shown on the H5 login page, as the server seeds them. */
export const personaCards: readonly { persona: Persona; label: string; name: string; description: string }[] = (
  Object.keys(personaProfiles) as Persona[]
).map((persona) => ({ persona, ...personaProfiles[persona] }))
