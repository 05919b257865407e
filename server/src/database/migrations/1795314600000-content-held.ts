import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentHeld1795314600000 implements MigrationInterface {
  name = 'ContentHeld1795314600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `signup` ADD `contentHeld` tinyint NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `poll_ballot` ADD `opinionHeld` tinyint NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `poll_ballot` DROP COLUMN `opinionHeld`");
    await queryRunner.query("ALTER TABLE `signup` DROP COLUMN `contentHeld`");
  }
}
