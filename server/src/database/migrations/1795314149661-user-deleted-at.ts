import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserDeletedAt1795314149661 implements MigrationInterface {
  name = 'UserDeletedAt1795314149661';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` ADD `deletedAt` datetime NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` DROP COLUMN `deletedAt`");
  }
}
