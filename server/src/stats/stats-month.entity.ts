import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The dashboard's monthly summary: one running count per community, China month (YYYY-MM) and metric, kept in
 * the same transaction as the writes it counts (see StatsMonthWriter), so a street's year is a few thousand
 * rows however many sign-ups lie behind them. Metrics: `signup:<status>` (participant sign-ups of published activities,
 * by the month their activity starts), `volunteer_minutes` (by the month credited), `residents_verified` (by verifiedAt).
 */
@Entity('stats_month')
export class StatsMonth {
  @PrimaryColumn({ type: 'int' })
  communityId: number;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  metric: string;

  @Column({ type: 'bigint', default: 0 })
  n: number;
}
