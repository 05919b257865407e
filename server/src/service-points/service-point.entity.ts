import type { ServicePointKind } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Street } from '../communities/street.entity.js';

/** A place of the 15-minute service circle: 儿童之家, 老年食堂, 卫生服务站…, with where it is and when it opens. */
@Entity('service_point')
// The bounding-box prefilter of `near`: one seek per latitude band on a range of lng, reading lat from the index
// too (id comes with every index entry), so only points inside the box are touched and no row is read.
@Index(['latBand', 'lng', 'lat'])
@Index(['streetId', 'communityId'])
export class ServicePoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  streetId: number;

  @ManyToOne(() => Street, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'streetId' })
  street: Relation<Street>;

  /** Null: a street-level point, managed by the street's admins. */
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  community: Relation<Community> | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  kind: ServicePointKind;

  /** The registry organisation that runs it (same street). */
  @Column({ type: 'int', nullable: true })
  organisationId: number | null;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** GCJ-02 degrees, as WeChat's location and map use them. */
  @Column({ type: 'double' })
  lat: number;

  @Column({ type: 'double' })
  lng: number;

  /**
   * floor(lat × 100): 1.1 km bands of latitude. A range on lat alone would scan the whole
   * width of the district for every box; per band the index seeks straight to the box's lng range.
   */
  @Column({ type: 'int' })
  latBand: number;

  /** OpeningHours as JSON: read whole with the point, never queried into. */
  @Column({ type: 'varchar', length: 2000 })
  hours: string;

  /** The services offered, a JSON array of short names. */
  @Column({ type: 'varchar', length: 1000 })
  services: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  phone: string;
}
