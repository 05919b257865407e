import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Community } from './community.entity.js';

/** One dwelling: 楼栋 / 单元 / 房号. Several residents may live in one household. */
@Entity('household')
@Index(['communityId', 'building', 'unit', 'room'], { unique: true })
export class Household {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community>;

  @Column({ type: 'varchar', length: 32 })
  building: string;

  @Column({ type: 'varchar', length: 32 })
  unit: string;

  @Column({ type: 'varchar', length: 32 })
  room: string;
}
