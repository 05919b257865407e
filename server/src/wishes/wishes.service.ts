import { Injectable } from '@nestjs/common';
import { pageLink, type CreateWish, type Page, type Wish as WishDto, type WishClaimerKind, type WishQuery } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CommunityPeopleRepository, memberOrganisations } from '../service-requests/community-people.repository.js';
import { isClaimer } from './wish-claimer.js';
import { WishMapper } from './wish.mapper.js';
import type { Wish } from './wish.entity.js';
import { WishesRepository } from './wishes.repository.js';

/** 微心愿: staff enter a wish after a home visit; one resident, team or organisation claims it, delivers it, staff confirm. */
@Injectable()
export class WishesService {
  constructor(
    private readonly db: Database,
    private readonly wishes: WishesRepository,
    private readonly people: CommunityPeopleRepository,
    private readonly mapper: WishMapper,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {}

  /** Entered and published at once: the home visit already decided it. */
  async create(auth: AuthContext, input: CreateWish): Promise<WishDto> {
    await this.access.assertResidentAdmin(auth, input.communityId);
    if (input.householdId !== null) {
      const household = await this.people.findHousehold(input.householdId);
      if (household?.communityId !== input.communityId) throw new AppError('HOUSEHOLD_NOT_FOUND');
    }
    const id = await this.db.transaction(async () => {
      const created = await this.wishes.insert({ ...input, createdBy: auth.userId, createdAt: this.clock.now() });
      await this.audit.append({
        actorId: auth.userId,
        action: 'wish.create',
        communityId: input.communityId,
        targetType: 'wish',
        targetId: created,
        detail: { title: input.title },
      });
      return created;
    });
    return this.mapper.one(auth, (await this.wishes.findById(id))!);
  }

  async list(auth: AuthContext, query: WishQuery): Promise<Page<WishDto>> {
    let filter;
    if (query.view === 'staff') {
      filter = { communityIds: await this.access.statsCommunities(auth, query.communityId) };
    } else if (query.view === 'mine') {
      filter = {
        claimedBy: { userId: auth.userId, organisationIds: memberOrganisations(auth.grants) },
        ...(query.communityId !== undefined && { communityIds: [query.communityId] }),
      };
    } else {
      // Wishes are shown masked, so any community's list may be read; by default the caller's own communities.
      const communityIds =
        query.communityId !== undefined
          ? [query.communityId]
          : [...new Set([...(await this.people.communitiesOf(auth.userId)), ...(await this.access.residentAdminCommunities(auth))])];
      filter = { communityIds };
    }
    const [rows, total] = await this.wishes.page({ ...filter, state: query.state }, query.page, query.pageSize);
    return { items: await this.mapper.many(auth, rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** For myself, or for a team or organisation I act for that serves the wish's community. One claimer per wish. */
  async claim(auth: AuthContext, id: number, organisationId: number | null): Promise<WishDto> {
    const wish = await this.find(id);
    let kind: WishClaimerKind = 'resident';
    if (organisationId !== null) {
      const organisation = memberOrganisations(auth.grants).includes(organisationId)
        ? await this.people.servingOrganisation(organisationId, wish.communityId)
        : null;
      if (!organisation) throw new AppError('WISH_CLAIMER_INVALID');
      kind = organisation.type === 'volunteer_team' ? 'team' : 'organisation';
    }
    if (wish.state !== 'published') throw new AppError('WISH_ALREADY_CLAIMED');
    await this.db.transaction(async () => {
      const claimed = await this.wishes.transition(id, 'published', {
        state: 'claimed',
        claimerKind: kind,
        claimerUserId: auth.userId,
        claimerOrganisationId: organisationId,
        claimedAt: this.clock.now(),
      });
      if (!claimed) throw new AppError('WISH_ALREADY_CLAIMED');
      if (organisationId !== null) {
        await this.audit.append({
          actorId: auth.userId,
          action: 'wish.claim',
          communityId: wish.communityId,
          targetType: 'wish',
          targetId: id,
          detail: { organisationId },
        });
      }
      await this.notifications.notify(auth.userId, 'wish', {
        title: '您认领了一个微心愿',
        body: `「${wish.title}」。请在约定时间把心意送到社区，送到后在“微心愿”里点“已送达”。`,
        activityId: null,
        page: pageLink('wishes'),
      });
    });
    return this.mapper.one(auth, (await this.wishes.findById(id))!);
  }

  async deliver(auth: AuthContext, id: number, note: string): Promise<WishDto> {
    const wish = await this.find(id);
    if (wish.state !== 'claimed') throw new AppError('WISH_STEP_SKIPPED');
    if (!isClaimer(auth, wish)) throw new AppError('WISH_NOT_CLAIMER');
    await this.db.transaction(async () => {
      if (!(await this.wishes.transition(id, 'claimed', { state: 'delivered', deliveryNote: note, deliveredAt: this.clock.now() }))) {
        throw new AppError('WISH_STEP_SKIPPED');
      }
    });
    return this.mapper.one(auth, (await this.wishes.findById(id))!);
  }

  /** Staff, having seen the person receive it, close the wish and thank the claimer. */
  async confirm(auth: AuthContext, id: number): Promise<WishDto> {
    const wish = await this.find(id);
    await this.access.assertResidentAdmin(auth, wish.communityId);
    if (wish.state !== 'delivered') throw new AppError('WISH_STEP_SKIPPED');
    await this.db.transaction(async () => {
      if (!(await this.wishes.transition(id, 'delivered', { state: 'confirmed', confirmedAt: this.clock.now() }))) {
        throw new AppError('WISH_STEP_SKIPPED');
      }
      await this.audit.append({ actorId: auth.userId, action: 'wish.confirm', communityId: wish.communityId, targetType: 'wish', targetId: id });
      await this.notifications.notify(wish.claimerUserId!, 'wish', {
        title: '您认领的微心愿已经实现',
        body: `「${wish.title}」已经送到对方手里，谢谢您的爱心。`,
        activityId: null,
        page: pageLink('wishes'),
      });
    });
    return this.mapper.one(auth, (await this.wishes.findById(id))!);
  }

  private async find(id: number): Promise<Wish> {
    const wish = await this.wishes.findById(id);
    if (!wish) throw new AppError('WISH_NOT_FOUND');
    return wish;
  }
}
