import { randomBytes } from 'node:crypto';
import { ActivitiesRepository } from '../../activities/activities.repository.js';
import { Activity } from '../../activities/activity.entity.js';
import { SignupsRepository } from '../../activities/signups.repository.js';
import { AuditRepository } from '../../audit/audit.repository.js';
import { CacheInvalidator } from '../../common/cache-invalidator.js';
import { Household } from '../../communities/household.entity.js';
import { InboxRepository } from '../../notifications/inbox.repository.js';
import { ResidencyRepository } from '../../residency/residency.repository.js';
import { User } from '../../users/user.entity.js';
import type { Database } from '../database.js';
import { insertDemoSignup } from './seed-activities.js';

/**
 * 代办 in the demo: 钱奶奶 (born 1941, no smartphone) was registered by the committee, who signed her up for the
 * tai-chi class; both acts are in the audit log and in her own 消息, as the app records them.
 */
export async function seedDemoManaged(db: Database, ids: { communityId: number; committeeId: number }, now: Date): Promise<void> {
  const audit = new AuditRepository(db);
  const inbox = new InboxRepository(db);
  const activities = new ActivitiesRepository(db, new CacheInvalidator(db));
  await db.run(async (em) => {
    const household = await em.findOneByOrFail(Household, { communityId: ids.communityId, building: '1栋', unit: '1单元', room: '102' });
    const user = await em.save(
      em.create(User, { openid: `managed:${randomBytes(12).toString('hex')}`, unionid: null, nickname: '钱奶奶', avatarUrl: null, birthYear: 1941, createdAt: now, managedById: ids.committeeId }),
    );
    // Through the repository, so the dashboard's monthly summary counts her as the app would.
    await new ResidencyRepository(db).addResidency({ userId: user.id, householdId: household.id, communityId: ids.communityId, source: 'managed' });
    await audit.append({ actorId: ids.committeeId, action: 'managed_resident.create', communityId: ids.communityId, targetType: 'user', targetId: user.id, detail: { householdId: household.id } });
    const note = (title: string, body: string, activityId: number | null) => inbox.insert({ userId: user.id, kind: 'assisted', title, body, activityId, pollId: null, createdAt: now });
    await note('工作人员为您登记了账号', '居委会工作人员 赵主任 为您登记了邻里共治账号（1栋1单元102）。', null);

    const taichi = await em.findOneOrFail(Activity, { where: { communityId: ids.communityId, title: '太极拳晨练' }, order: { id: 'ASC' } });
    if (!(await activities.takeSeats(taichi.id, 1))) return;
    const signupId = await insertDemoSignup(new SignupsRepository(db), taichi.id, user.id, now);
    await audit.append({ actorId: ids.committeeId, action: 'managed_resident.signup', communityId: ids.communityId, targetType: 'signup', targetId: signupId, detail: { residentId: user.id, activityId: taichi.id } });
    await note('工作人员为您代报名', '居委会工作人员 赵主任 为您代报名了一个活动。', taichi.id);
  });
}
