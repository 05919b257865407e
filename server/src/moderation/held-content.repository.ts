import { Injectable } from '@nestjs/common';
import { Activity } from '../activities/activity.entity.js';
import { Signup } from '../activities/signup.entity.js';
import { Database } from '../database/database.js';
import { Poll } from '../polls/poll.entity.js';

/** The sign-ups and polls the moderation queue reads; held ballots' opinions are read through BallotBoxRepository. */
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

  /** The community's polls that have opinions enabled: the only ones that can hold an opinion. */
  pollsWithOpinions(communityId: number): Promise<Pick<Poll, 'id' | 'title'>[]> {
    return this.db.run((em) => em.find(Poll, { select: { id: true, title: true }, where: { communityId, opinionsEnabled: 1 } }));
  }

  findPoll(id: number): Promise<Poll | null> {
    return this.db.run((em) => em.findOneBy(Poll, { id }));
  }
}
