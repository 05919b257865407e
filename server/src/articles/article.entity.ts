import type { ArticleKind } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Organisation } from '../communities/organisation.entity.js';

/** What is stored; `scheduled` with a `publishedAt` that has passed reads as published (see ArticleStatusSchema). */
export type StoredArticleStatus = 'draft' | 'scheduled' | 'published' | 'withdrawn';

/** An article of one community, written by its committee (organisationId NULL) or by an organisation serving it. */
@Entity('article')
// The feed and the list: a community's live articles, newest first.
@Index(['communityId', 'status', 'publishedAt'])
export class Article {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community>;

  @Column({ type: 'int', nullable: true })
  organisationId: number | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organisationId' })
  organisation: Relation<Organisation> | null;

  @Column({ type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ArticleKind;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  coverUrl: string | null;

  @Column({ type: 'varchar', length: 200 })
  summary: string;

  /** Sanitised HTML (at most 65,000 bytes: MySQL's TEXT). */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', nullable: true })
  activityId: number | null;

  @Column({ type: 'int', nullable: true })
  pollId: number | null;

  @Column({ type: 'tinyint' })
  pinned: number;

  @Column({ type: 'varchar', length: 16 })
  status: StoredArticleStatus;

  /** When it went live, or (scheduled) goes live; NULL for a draft never published. */
  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** The last edit made while it was live. */
  @Column({ type: 'datetime', nullable: true })
  updatedAt: Date | null;

  /** Readers counted once per user and day (see ArticleRead). */
  @Column({ type: 'int', default: 0 })
  readCount: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
