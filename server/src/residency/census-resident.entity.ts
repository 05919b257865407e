import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person listed at a household by the committee's census; a claim with the same name is approved at once. */
@Entity('census_resident')
@Index(['householdId', 'name'], { unique: true })
export class CensusResident {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  householdId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'datetime' })
  importedAt: Date;
}
