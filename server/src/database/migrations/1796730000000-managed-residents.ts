import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ManagedResidents1796730000000 implements MigrationInterface {
  name = 'ManagedResidents1796730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `managed_handover` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `codeHash` varchar(64) NOT NULL, `createdById` int NOT NULL, `createdAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, INDEX `IDX_4c8a48cfb110bf7bc62bb9ae84` (`userId`), UNIQUE INDEX `IDX_deea9cfd687071c28d33133b92` (`codeHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `app_user` ADD `managedById` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `app_user` DROP COLUMN `managedById`");
    await queryRunner.query("DROP INDEX `IDX_deea9cfd687071c28d33133b92` ON `managed_handover`");
    await queryRunner.query("DROP INDEX `IDX_4c8a48cfb110bf7bc62bb9ae84` ON `managed_handover`");
    await queryRunner.query("DROP TABLE `managed_handover`");
  }
}
