import { ROLE_SCOPE, type Persona } from '@linli/shared';
import { Community } from '../../communities/community.entity.js';
import { Household } from '../../communities/household.entity.js';
import { OrganisationCommunity } from '../../communities/organisation-community.entity.js';
import { Organisation } from '../../communities/organisation.entity.js';
import { Street } from '../../communities/street.entity.js';
import { Residency } from '../../residency/residency.entity.js';
import { StatsMonthWriter } from '../../stats/stats-month-writer.js';
import { RoleGrant } from '../../users/role-grant.entity.js';
import { User } from '../../users/user.entity.js';
import type { Database } from '../database.js';
import {
  DEMO_COMMUNITIES,
  DEMO_LAYOUT,
  DEMO_ORGANISATIONS,
  DEMO_PERSONAS,
  DEMO_STREET,
  personaNickname,
  personaOpenid,
} from './demo-data.js';
import { seedDemoActivities } from './seed-activities.js';
import { seedDemoAdoption } from './seed-adoption.js';
import { seedDemoArticles } from './seed-articles.js';
import { seedDemoManaged } from './seed-managed.js';
import { demoOrganisation, seedDemoApplications } from './seed-organisations.js';
import { seedDemoPolls } from './seed-polls.js';
import { seedDemoServices } from './seed-services.js';
import { seedDemoServicePoints } from './seed-service-points.js';
import { seedDemoRequests } from './seed-requests.js';

/** Seeds the demo street once; returns false when it is already there. Call inside a transaction. */
export function seedDemo(db: Database): Promise<boolean> {
  return db.run(async (em) => {
    if (await em.existsBy(Street, { name: DEMO_STREET })) return false;
    const street = await em.save(em.create(Street, { name: DEMO_STREET }));
    const communities = await em.save(
      DEMO_COMMUNITIES.map((c) => em.create(Community, { ...c, streetId: street.id })),
    );

    const households: Partial<Household>[] = [];
    for (const community of communities) {
      for (let b = 1; b <= DEMO_LAYOUT.buildings; b++)
        for (let u = 1; u <= DEMO_LAYOUT.units; u++)
          for (let f = 1; f <= DEMO_LAYOUT.floors; f++)
            for (let r = 1; r <= DEMO_LAYOUT.roomsPerFloor; r++)
              households.push({ communityId: community.id, building: `${b}栋`, unit: `${u}单元`, room: `${f}0${r}` });
    }
    await em.createQueryBuilder().insert().into(Household).values(households).updateEntity(false).execute();

    const organisations = await em.save(DEMO_ORGANISATIONS.map((o) => em.create(Organisation, demoOrganisation(o, street.id))));
    for (const [i, o] of DEMO_ORGANISATIONS.entries()) {
      if (o.mentor !== undefined) await em.update(Organisation, { id: organisations[i].id }, { mentorId: organisations[o.mentor].id });
    }
    await em.insert(
      OrganisationCommunity,
      DEMO_ORGANISATIONS.flatMap((o, i) =>
        o.communities.map((c) => ({ organisationId: organisations[i].id, communityId: communities[c].id })),
      ),
    );

    const now = new Date();
    for (const [persona, seed] of Object.entries(DEMO_PERSONAS) as [Persona, (typeof DEMO_PERSONAS)[Persona]][]) {
      const user = await em.save(
        em.create(User, {
          openid: personaOpenid(persona),
          unionid: null,
          nickname: personaNickname(persona),
          avatarUrl: null,
          birthYear: seed.birthYear,
          createdAt: now,
        }),
      );
      if (seed.home) {
        const [c, building, unit, room] = seed.home;
        const household = await em.findOneByOrFail(Household, { communityId: communities[c].id, building, unit, room });
        await em.insert(Residency, {
          userId: user.id,
          householdId: household.id,
          communityId: household.communityId,
          source: 'census',
          verifiedAt: now,
        });
        await new StatsMonthWriter(db).residentsVerified(household.communityId, now, 1);
      }
      for (const grant of seed.grants) {
        const streetId = grant.street ? street.id : null;
        const communityId = grant.community !== undefined ? communities[grant.community].id : null;
        const organisationId = grant.organisation !== undefined ? organisations[grant.organisation].id : null;
        const scopeId = streetId ?? communityId ?? organisationId;
        await em.insert(RoleGrant, {
          userId: user.id,
          role: grant.role,
          scopeKey: scopeId === null ? 'none' : `${ROLE_SCOPE[grant.role]}:${scopeId}`,
          streetId,
          communityId,
          organisationId,
        });
      }
    }
    const committee = await em.findOneByOrFail(User, { openid: personaOpenid('committee') });
    await seedDemoApplications(em, { streetId: street.id, communityIds: communities.map((c) => c.id), applicantId: (await em.findOneByOrFail(User, { openid: personaOpenid('resident') })).id, deciderId: committee.id }, now);
    await seedDemoActivities(db, { communityId: communities[0].id, organisationIds: organisations.map((o) => o.id), createdBy: committee.id }, now);
    await seedDemoPolls(db, { communityId: communities[0].id, createdBy: committee.id }, now);
    await seedDemoArticles(db, { communityId: communities[0].id, createdBy: committee.id }, now);
    const streetAdmin = await em.findOneByOrFail(User, { openid: personaOpenid('street-admin') });
    await seedDemoAdoption(db, { streetId: street.id, communityId: communities[0].id, streetAdminId: streetAdmin.id, committeeId: committee.id }, now);
    const socialWorker = await em.findOneByOrFail(User, { openid: personaOpenid('social-worker') });
    await seedDemoServices(
      em,
      { streetId: street.id, communityId: communities[0].id, providerId: organisations[0].id, evaluatorId: organisations[3].id, workerId: socialWorker.id, committeeId: committee.id },
      now,
    );
    await seedDemoServicePoints(em, { streetId: street.id, communityIds: communities.map((c) => c.id), organisationIds: organisations.map((o) => o.id) });
    await seedDemoManaged(db, { communityId: communities[0].id, committeeId: committee.id }, now);
    await seedDemoRequests(em, { communityId: communities[0].id, organisationIds: organisations.map((o) => o.id), committeeId: committee.id }, now);
    return true;
  });
}
