import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPhone1795314400000 implements MigrationInterface {
  name = 'UserPhone1795314400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` ADD `phone` varchar(20) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` DROP COLUMN `phone`");
  }
}
