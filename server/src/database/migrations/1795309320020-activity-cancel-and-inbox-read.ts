import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room for the `activity_cancelled` sign-up status, and an index for the inbox's unread count. Hand-edited:
 * TypeORM generates a length change as DROP COLUMN + ADD COLUMN, which would lose every sign-up's status;
 * MODIFY keeps the data and the indexes on the column.
 */
export class ActivityCancelAndInboxRead1795309320020 implements MigrationInterface {
  name = 'ActivityCancelAndInboxRead1795309320020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `signup` MODIFY `status` varchar(32) NOT NULL');
    await queryRunner.query('CREATE INDEX `IDX_5c09996417acf84630e0e7e079` ON `inbox_item` (`userId`, `readAt`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_5c09996417acf84630e0e7e079` ON `inbox_item`');
    // The older code knows no `activity_cancelled`; `cancelled` is the nearest status it understands (active is already NULL).
    await queryRunner.query("UPDATE `signup` SET `status` = 'cancelled' WHERE `status` = 'activity_cancelled'");
    await queryRunner.query('ALTER TABLE `signup` MODIFY `status` varchar(16) NOT NULL');
  }
}
