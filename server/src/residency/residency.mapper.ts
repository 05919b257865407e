import type { Residency as ResidencyDto, ResidencyClaim as ResidencyClaimDto } from '@linli/shared';
import { toHouseholdRef } from '../communities/communities.service.js';
import type { ResidencyClaim } from './residency-claim.entity.js';
import type { Residency } from './residency.entity.js';

export function toClaimDto(c: ResidencyClaim): ResidencyClaimDto {
  return {
    id: c.id,
    status: c.status,
    realName: c.realName,
    household: toHouseholdRef(c.household),
    claimant: { id: c.user.id, nickname: c.user.nickname },
    reason: c.reason,
    decidedBy: c.decidedBy,
    createdAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
  };
}

export function toResidencyDto(r: Residency): ResidencyDto {
  return { household: toHouseholdRef(r.household), source: r.source, verifiedAt: r.verifiedAt.toISOString() };
}
