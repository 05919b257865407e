import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An activity whose attended sign-ups count toward a service item. A link row of its own rather than a column on
 * `activity`, so the activities feature and its forms stay untouched.
 */
@Entity('service_item_activity')
@Index(['activityId'])
export class ServiceItemActivity {
  @PrimaryColumn({ type: 'int' })
  itemId: number;

  @PrimaryColumn({ type: 'int' })
  activityId: number;
}
