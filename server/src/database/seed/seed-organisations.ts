import type { EntityManager } from 'typeorm';
import { OrganisationCommunity } from '../../communities/organisation-community.entity.js';
import { Organisation } from '../../communities/organisation.entity.js';
import { organisationFromApplication, stageColumn } from '../../organisations/organisation.mapper.js';
import { OrganisationApplication } from '../../organisations/organisation-application.entity.js';
import { DEMO_APPLICATIONS, type DemoOrganisation } from './demo-data.js';

/** The registry row of a demo organisation (its mentor is set once every organisation has an id). */
export function demoOrganisation(o: DemoOrganisation, streetId: number): Partial<Organisation> {
  const stageDays = Object.fromEntries(o.stages.map(([stage, day]) => [stageColumn[stage], day]));
  return {
    streetId,
    name: o.name,
    type: o.type,
    legalStatus: o.legalStatus,
    registrationNo: o.registrationNo ?? '',
    leader: o.leader,
    contactPhone: o.contactPhone,
    description: o.description,
    suspendedAt: o.suspended ? new Date('2023-09-01T00:00:00Z') : null,
    stage: o.stage,
    appliedOn: null,
    incubatingOn: null,
    graduatedOn: null,
    exitedOn: null,
    mentorId: null,
    ...stageDays,
  };
}

/** A pending and an approved 备案 application; the approved one's organisation exists, as an approval would make it. */
export async function seedDemoApplications(
  em: EntityManager,
  ids: { streetId: number; communityIds: number[]; applicantId: number; deciderId: number },
  now: Date,
): Promise<void> {
  for (const [i, a] of DEMO_APPLICATIONS.entries()) {
    const communityId = ids.communityIds[a.community];
    const createdAt = new Date(now.getTime() - (10 - i * 7) * 86_400_000);
    let organisationId: number | null = null;
    if (a.status === 'approved') {
      const organisation = await em.save(em.create(Organisation, organisationFromApplication({ ...a, createdAt }, ids.streetId)));
      organisationId = organisation.id;
      await em.insert(OrganisationCommunity, { organisationId, communityId });
    }
    await em.insert(OrganisationApplication, {
      applicantId: ids.applicantId,
      communityId,
      name: a.name,
      leader: a.leader,
      membersCount: a.membersCount,
      activities: a.activities,
      venue: a.venue,
      status: a.status,
      reason: null,
      organisationId,
      deciderId: a.status === 'approved' ? ids.deciderId : null,
      createdAt,
      decidedAt: a.status === 'approved' ? new Date(createdAt.getTime() + 86_400_000) : null,
    });
  }
}
