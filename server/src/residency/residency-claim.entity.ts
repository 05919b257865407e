import type { ClaimStatus, ResidencySource } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Household } from '../communities/household.entity.js';
import { User } from '../users/user.entity.js';

/** Named so a unique violation on it can be told apart from the (user, household) one. */
export const PENDING_SLOT_INDEX = 'UQ_residency_claim_pending_slot';
/** How many claims one user may have waiting for the committee at once. */
export const MAX_PENDING_CLAIMS = 3;

/**
 * A resident's claim to live in a household. `active` is 1 while the claim is pending or approved and NULL
 * once rejected, so the unique key allows one live claim per user and household (NULLs never collide)
 * while keeping rejected ones as history.
 */
@Entity('residency_claim')
@Index(['userId', 'householdId', 'active'], { unique: true })
@Index(['communityId', 'status', 'id'])
@Index(PENDING_SLOT_INDEX, ['userId', 'pendingSlot'], { unique: true })
export class ResidencyClaim {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'int' })
  householdId: number;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'householdId' })
  household: Relation<Household>;

  /** Denormalised from the household so staff queries filter by scope without a join. */
  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 32 })
  realName: string;

  @Column({ type: 'varchar', length: 16 })
  status: ClaimStatus;

  @Column({ type: 'tinyint', nullable: true })
  active: 1 | null;

  /**
   * 1…MAX_PENDING_CLAIMS while pending, NULL once decided: the unique key on (user, slot) is what caps a user's
   * pending claims, with no count to race.
   */
  @Column({ type: 'tinyint', nullable: true })
  pendingSlot: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  decidedBy: ResidencySource | null;

  @Column({ type: 'int', nullable: true })
  deciderId: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
