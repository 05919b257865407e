import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each activity's own reminder lead time and the moment it falls (startsAt − reminderMinutes), which the sweeper
 * scans. Existing activities get the default REMINDER_HOURS of 24 hours.
 */
export class ActivityReminder1795320000000 implements MigrationInterface {
  name = 'ActivityReminder1795320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `activity` ADD `reminderMinutes` int NOT NULL DEFAULT 1440");
    await queryRunner.query('ALTER TABLE `activity` ALTER `reminderMinutes` DROP DEFAULT');
    await queryRunner.query('ALTER TABLE `activity` ADD `remindAt` datetime NULL');
    await queryRunner.query('UPDATE `activity` SET `remindAt` = DATE_SUB(`startsAt`, INTERVAL `reminderMinutes` MINUTE)');
    await queryRunner.query('ALTER TABLE `activity` MODIFY `remindAt` datetime NOT NULL');
    await queryRunner.query('CREATE INDEX `IDX_6ffd9a70488937b48b5bc92787` ON `activity` (`status`, `remindAt`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_6ffd9a70488937b48b5bc92787` ON `activity`');
    await queryRunner.query('ALTER TABLE `activity` DROP COLUMN `remindAt`');
    await queryRunner.query('ALTER TABLE `activity` DROP COLUMN `reminderMinutes`');
  }
}
