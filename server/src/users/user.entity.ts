import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid for this mini-program; dev-login users get a `dev_` prefixed one. */
  @Column({ type: 'varchar', length: 64, unique: true })
  openid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 32 })
  nickname: string;

  /** A new nickname the content check held: shown to no one else until staff approve it. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  pendingNickname: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatarUrl: string | null;

  @Column({ type: 'int', nullable: true })
  birthYear: number | null;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** Staff contact phone from getPhoneNumber; residents are never asked. Answered masked, everywhere. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /**
   * 代办: the staff member who registered this resident, who has no WeChat of their own (their `openid` is a
   * `managed:` placeholder no login can produce). Cleared when the resident or family takes the account over.
   */
  @Column({ type: 'int', nullable: true })
  managedById: number | null;

  /** When the person deleted their account; the row stays, emptied of personal data, so counts keep adding up. */
  @Column({ type: 'datetime', nullable: true })
  deletedAt: Date | null;
}
