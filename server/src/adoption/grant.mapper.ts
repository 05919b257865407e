import { ROLE_SCOPE, type Grant } from '@linli/shared';
import type { GrantRow } from './adoption.repository.js';

export function toGrantDto(row: GrantRow): Grant {
  return {
    id: row.id,
    userId: row.userId,
    nickname: row.nickname,
    role: row.role,
    scope: {
      kind: ROLE_SCOPE[row.role],
      id: row.streetId ?? row.communityId ?? row.organisationId,
      name: row.scopeName,
      streetName: row.streetName,
    },
  };
}
