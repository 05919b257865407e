import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Community } from './community.entity.js';
import { Organisation } from './organisation.entity.js';

/** A community an organisation is authorised to serve. */
@Entity('organisation_community')
export class OrganisationCommunity {
  @PrimaryColumn({ type: 'int' })
  organisationId: number;

  @PrimaryColumn({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisationId' })
  organisation: Relation<Organisation>;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community>;
}
