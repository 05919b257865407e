import type { IncubationStage, OrganisationDetail } from '@linli/shared';
import type { Organisation } from '../communities/organisation.entity.js';
import { maskPhone } from '../users/mask-phone.js';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** Today in Asia/Shanghai, YYYY-MM-DD: the day a stage began unless staff say otherwise. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export const stageColumn: Record<IncubationStage, 'appliedOn' | 'incubatingOn' | 'graduatedOn' | 'exitedOn'> = {
  applied: 'appliedOn',
  incubating: 'incubatingOn',
  graduated: 'graduatedOn',
  exited: 'exitedOn',
};

export function toOrganisationDetail(
  o: Organisation,
  extra: { communityIds: number[]; mentorName: string | null; fullContact: boolean },
): OrganisationDetail {
  return {
    id: o.id,
    streetId: o.streetId,
    name: o.name,
    type: o.type,
    legalStatus: o.legalStatus,
    registrationNo: o.registrationNo,
    leader: o.leader,
    contactPhone: extra.fullContact ? o.contactPhone : (maskPhone(o.contactPhone) ?? ''),
    description: o.description,
    communityIds: extra.communityIds,
    suspended: o.suspendedAt !== null,
    suspendedAt: o.suspendedAt?.toISOString() ?? null,
    stage: o.stage,
    stageDates: { applied: o.appliedOn, incubating: o.incubatingOn, graduated: o.graduatedOn, exited: o.exitedOn },
    mentor: o.mentorId !== null && extra.mentorName !== null ? { id: o.mentorId, name: extra.mentorName } : null,
  };
}
