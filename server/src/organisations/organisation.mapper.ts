import type { IncubationStage, OrganisationDetail } from '@linli/shared';
import type { OrganisationApplication } from './organisation-application.entity.js';
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

/** The organisation an approved 备案 application becomes: 社区社会组织, 备案, at stage 申请 since the day it applied. */
export function organisationFromApplication(
  application: Pick<OrganisationApplication, 'name' | 'leader' | 'activities' | 'createdAt'>,
  streetId: number,
): Omit<Organisation, 'id' | 'street'> {
  return {
    streetId,
    name: application.name,
    type: 'social_org',
    legalStatus: 'filed',
    registrationNo: '',
    leader: application.leader,
    contactPhone: '',
    description: application.activities.slice(0, 500),
    suspendedAt: null,
    stage: 'applied',
    appliedOn: chinaDay(application.createdAt),
    incubatingOn: null,
    graduatedOn: null,
    exitedOn: null,
    mentorId: null,
  };
}
