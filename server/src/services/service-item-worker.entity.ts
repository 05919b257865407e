import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A worker (provider staff) assigned to a service item: they log its services and read its register. */
@Entity('service_item_worker')
@Index(['userId', 'itemId'])
export class ServiceItemWorker {
  @PrimaryColumn({ type: 'int' })
  itemId: number;

  @PrimaryColumn({ type: 'int' })
  userId: number;
}
