import type { WishClaimerKind, WishState } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A 微心愿: a small wish of someone in need, entered by staff, claimed by exactly one giver. */
@Entity('wish')
@Index(['communityId', 'state', 'id'])
@Index(['claimerUserId', 'id'])
@Index(['claimerOrganisationId', 'id'])
export class Wish {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int', nullable: true })
  householdId: number | null;

  /** The full name, for the staff who manage the wish; everyone else gets it masked. */
  @Column({ type: 'varchar', length: 32 })
  beneficiaryName: string;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  story: string;

  @Column({ type: 'varchar', length: 16 })
  state: WishState;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  claimerKind: WishClaimerKind | null;

  /** Who tapped 认领 (for a team or organisation, the member who claimed it for them). */
  @Column({ type: 'int', nullable: true })
  claimerUserId: number | null;

  @Column({ type: 'int', nullable: true })
  claimerOrganisationId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  deliveryNote: string | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  confirmedAt: Date | null;
}
