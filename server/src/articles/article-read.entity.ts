import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * That a user read an article on a day (China time). The primary key is what counts a reader once a day:
 * ReadCounter inserts with INSERT IGNORE and recounts `article.readCount` from these rows.
 */
@Entity('article_read')
export class ArticleRead {
  @PrimaryColumn({ type: 'int' })
  articleId: number;

  @PrimaryColumn({ type: 'int' })
  userId: number;

  /** YYYY-MM-DD in Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
