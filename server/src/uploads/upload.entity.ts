import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One image a staff member uploaded. `key` names the stored files (`<key>/body.jpg`, `cover.jpg`, `thumb.jpg`),
 * so a later feature can check that an address points into Linli's own storage. The same picture uploaded twice
 * has the same key: the files are shared, each upload keeps its own row.
 */
@Entity('upload')
@Index(['key'])
@Index(['uploaderId', 'id'])
export class Upload {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  uploaderId: number;

  @Column({ type: 'varchar', length: 64 })
  key: string;

  /** The stored files' type (always image/jpeg today); `size`, `width` and `height` describe the body variant. */
  @Column({ type: 'varchar', length: 32 })
  mime: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'datetime' })
  createdAt: Date;
}
