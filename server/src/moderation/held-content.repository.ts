import { Injectable } from '@nestjs/common';
import { Activity } from '../activities/activity.entity.js';
import { Signup } from '../activities/signup.entity.js';
import { Database } from '../database/database.js';
import { Poll } from '../polls/poll.entity.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { User } from '../users/user.entity.js';

/** The sign-ups, polls and users the moderation queue reads; held ballots' opinions are read through BallotBoxRepository. */
@Injectable()
export class HeldContentRepository {
  constructor(private readonly db: Database) {}

  /** Sign-ups of the community's activities whose texts are held, oldest first, with the activity and the resident. */
  heldSignups(communityId: number): Promise<Signup[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(Signup, 's')
        .innerJoinAndSelect('s.activity', 'a')
        .innerJoinAndSelect('s.user', 'u')
        .where('a.communityId = :communityId AND s.contentHeld = 1', { communityId })
        .orderBy('s.id', 'ASC')
        .getMany(),
    );
  }

  findSignup(id: number): Promise<(Signup & { activity: Activity }) | null> {
    return this.db.run((em) => em.findOne(Signup, { where: { id }, relations: { activity: true } }));
  }

  /** Releases the texts (approved) or replaces them (rejected); false when the sign-up is no longer held. */
  async decideSignup(id: number, rejected: { companions: string; answers: string } | null): Promise<boolean> {
    const result = await this.db.run((em) => em.update(Signup, { id, contentHeld: 1 }, { contentHeld: 0, ...(rejected ?? {}) }));
    return result.affected === 1;
  }

  /**
   * Held nicknames of the community's people: its residents and whoever claimed a home in it (a claim, even one
   * pending or rejected, is how a newcomer is known to a committee). Oldest account first.
   */
  heldNicknames(communityId: number): Promise<Pick<User, 'id' | 'nickname' | 'pendingNickname'>[]> {
    return this.db.run((em) => {
      const residents = em.createQueryBuilder(Residency, 'r').select('r.userId').where('r.communityId = :communityId');
      const claimants = em.createQueryBuilder(ResidencyClaim, 'c').select('c.userId').where('c.communityId = :communityId');
      return em
        .createQueryBuilder(User, 'u')
        .select(['u.id', 'u.nickname', 'u.pendingNickname'])
        .where('u.pendingNickname IS NOT NULL AND u.deletedAt IS NULL')
        .andWhere(`(u.id IN (${residents.getQuery()}) OR u.id IN (${claimants.getQuery()}))`, { communityId })
        .orderBy('u.id', 'ASC')
        .getMany();
    });
  }

  /** The communities whose staff may decide a user's held nickname. */
  async communitiesOf(userId: number): Promise<number[]> {
    const [residencies, claims] = await this.db.run((em) =>
      Promise.all([
        em.find(Residency, { select: { id: true, communityId: true }, where: { userId } }),
        em.find(ResidencyClaim, { select: { id: true, communityId: true }, where: { userId } }),
      ]),
    );
    return [...new Set([...residencies, ...claims].map((r) => r.communityId))];
  }

  /**
   * Shows the held nickname (approved) or drops it (rejected), only if it is still the one staff read; false when
   * the resident changed it since or it was decided already.
   */
  async decideNickname(userId: number, pendingNickname: string, approve: boolean): Promise<boolean> {
    const result = await this.db.run((em) =>
      em
        .createQueryBuilder()
        .update(User)
        .set(approve ? { nickname: () => 'pendingNickname', pendingNickname: null } : { pendingNickname: null })
        .where('id = :userId AND pendingNickname = :pendingNickname', { userId, pendingNickname })
        .execute(),
    );
    return result.affected === 1;
  }

  /** The community's polls that have opinions enabled: the only ones that can hold an opinion. */
  pollsWithOpinions(communityId: number): Promise<Pick<Poll, 'id' | 'title'>[]> {
    return this.db.run((em) => em.find(Poll, { select: { id: true, title: true }, where: { communityId, opinionsEnabled: 1 } }));
  }

  findPoll(id: number): Promise<Poll | null> {
    return this.db.run((em) => em.findOneBy(Poll, { id }));
  }
}
