import type { MigrationInterface, QueryRunner } from 'typeorm';
import { statsMonthRecountSql } from '../../stats/stats-month-writer.js';

/** The dashboard's monthly summary, filled from the rows already there. */
export class StatsMonth1796740000000 implements MigrationInterface {
  name = 'StatsMonth1796740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `stats_month` (`communityId` int NOT NULL, `month` varchar(7) NOT NULL, `metric` varchar(40) NOT NULL, `n` bigint NOT NULL DEFAULT 0, PRIMARY KEY (`communityId`, `month`, `metric`)) ENGINE=InnoDB',
    );
    for (const sql of statsMonthRecountSql('mysql')) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `stats_month`');
  }
}
