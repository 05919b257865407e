import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an activity was first published: residents see it from then on, also once cancelled, and never a draft
 * cancelled before publishing. Existing rows: published ones from their creation; cancelled ones only where the
 * audit log shows them (or the first session of their series) published before they were cancelled.
 */
export class ActivityPublishedAt1795319500000 implements MigrationInterface {
  name = 'ActivityPublishedAt1795319500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `activity` ADD `publishedAt` datetime NULL');
    await queryRunner.query("UPDATE `activity` SET `publishedAt` = `createdAt` WHERE `status` = 'published'");
    await queryRunner.query(
      'UPDATE `activity` a SET a.`publishedAt` = (SELECT MIN(l.`createdAt`) FROM `audit_log` l ' +
        "WHERE l.`action` = 'activity.publish' AND l.`targetType` = 'activity' AND l.`targetId` IN (a.`id`, a.`seriesId`) " +
        // A session cancelled while still a draft stayed a draft when its series was published later.
        "AND l.`createdAt` <= (SELECT MIN(c.`createdAt`) FROM `audit_log` c WHERE c.`action` = 'activity.cancel' AND c.`targetType` = 'activity' AND c.`targetId` = a.`id`)) " +
        "WHERE a.`status` = 'cancelled'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `activity` DROP COLUMN `publishedAt`');
  }
}
