import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPendingNickname1795319000000 implements MigrationInterface {
  name = 'UserPendingNickname1795319000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` ADD `pendingNickname` varchar(32) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` DROP COLUMN `pendingNickname`");
  }
}
