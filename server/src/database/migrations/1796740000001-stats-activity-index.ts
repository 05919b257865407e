import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's covering index on activity with status ahead of the start time: for a whole street MariaDB
 * took (status, startsAt) and read every row, as the old order's range did not cover the status. The name stays
 * (TypeORM names an index by its sorted columns).
 */
export class StatsActivityIndex1796740000001 implements MigrationInterface {
  name = 'StatsActivityIndex1796740000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity`');
    await queryRunner.query('CREATE INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity` (`communityId`, `status`, `startsAt`, `category`, `seats`, `seatsTaken`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity`');
    await queryRunner.query('CREATE INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity` (`communityId`, `startsAt`, `status`, `category`, `seats`, `seatsTaken`)');
  }
}
