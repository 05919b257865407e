import type { OrganisationType } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Street } from './street.entity.js';

/** A social organisation, social-work organisation or volunteer team registered with a street. */
@Entity('organisation')
@Index(['streetId', 'name'], { unique: true })
export class Organisation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  streetId: number;

  @ManyToOne(() => Street, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'streetId' })
  street: Relation<Street>;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: OrganisationType;
}
