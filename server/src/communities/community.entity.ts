import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Street } from './street.entity.js';

@Entity('community')
@Index(['streetId', 'name'], { unique: true })
export class Community {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  streetId: number;

  @ManyToOne(() => Street, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'streetId' })
  street: Relation<Street>;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  address: string;

  /** Archived: left out of residents' pickers and lists; its households, residents and history stay. */
  @Column({ type: 'datetime', nullable: true })
  archivedAt: Date | null;

  /**
   * The community's centre (GCJ-02): where the service circle measures "by household" from. Households carry no
   * coordinates: a community's buildings lie within a few hundred metres, and staff set one point, not thousands.
   */
  @Column({ type: 'double', nullable: true })
  centreLat: number | null;

  @Column({ type: 'double', nullable: true })
  centreLng: number | null;
}
