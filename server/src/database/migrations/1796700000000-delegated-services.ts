import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DelegatedServices1796700000000 implements MigrationInterface {
  name = 'DelegatedServices1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_beneficiary` (`id` int NOT NULL AUTO_INCREMENT, `itemId` int NOT NULL, `communityId` int NOT NULL, `name` varchar(32) NOT NULL, `householdId` int NULL, `tier` varchar(10) NULL, `phone` varchar(20) NULL, `notes` varchar(500) NOT NULL DEFAULT '', `lastServedOn` varchar(10) NULL, `dueOn` varchar(10) NULL, `registeredOn` varchar(10) NOT NULL, `archivedAt` datetime NULL, INDEX `IDX_0aa089cc7a2df3370bccd3be43` (`itemId`, `archivedAt`, `dueOn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_contract` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(100) NOT NULL, `streetId` int NOT NULL, `communityId` int NULL, `providerId` int NOT NULL, `evaluatorId` int NULL, `type` varchar(16) NOT NULL, `periodStart` varchar(10) NOT NULL, `periodEnd` varchar(10) NOT NULL, `amountFen` int NOT NULL, `version` int NOT NULL DEFAULT '1', `createdBy` int NOT NULL, `createdAt` datetime NOT NULL, INDEX `IDX_7a25f3c46b5238dc0a279e4751` (`providerId`), INDEX `IDX_51b319a3d314e881a22c6c52ce` (`evaluatorId`), INDEX `IDX_0859e9e79779388ba60072c8e4` (`communityId`, `periodEnd`), INDEX `IDX_888c4d2a78e8aed8c7eec55d09` (`streetId`, `periodEnd`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_evaluation` (`id` int NOT NULL AUTO_INCREMENT, `contractId` int NOT NULL, `stage` varchar(16) NOT NULL, `scores` varchar(2000) NOT NULL, `satisfaction` int NOT NULL, `comments` varchar(2000) NOT NULL DEFAULT '', `evaluatorId` int NOT NULL, `createdAt` datetime NOT NULL, UNIQUE INDEX `IDX_4db86a864204382d23715e9d24` (`contractId`, `stage`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_item_activity` (`itemId` int NOT NULL, `activityId` int NOT NULL, INDEX `IDX_1dbbcf6f971b144f0be3b516e5` (`activityId`), PRIMARY KEY (`itemId`, `activityId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_item_month` (`itemId` int NOT NULL, `month` varchar(7) NOT NULL, `quantity` int NOT NULL DEFAULT '0', `logs` int NOT NULL DEFAULT '0', `minutes` int NOT NULL DEFAULT '0', PRIMARY KEY (`itemId`, `month`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_item_worker` (`itemId` int NOT NULL, `userId` int NOT NULL, INDEX `IDX_4e10207be7d0ed31ade7eb8b19` (`userId`, `itemId`), PRIMARY KEY (`itemId`, `userId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_item` (`id` int NOT NULL AUTO_INCREMENT, `contractId` int NOT NULL, `communityId` int NOT NULL, `name` varchar(60) NOT NULL, `description` varchar(1000) NOT NULL DEFAULT '', `targetGroup` varchar(24) NOT NULL, `unit` varchar(24) NOT NULL, `targetQuantity` int NOT NULL, `tiers` varchar(1000) NOT NULL DEFAULT '[]', `version` int NOT NULL DEFAULT '1', `createdAt` datetime NOT NULL, INDEX `IDX_ad02d2bcc6a1fb30809092fede` (`contractId`), INDEX `IDX_c7de2f1fbfa336c97b93b5d32c` (`communityId`, `contractId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_log` (`id` int NOT NULL AUTO_INCREMENT, `itemId` int NOT NULL, `beneficiaryId` int NULL, `workerId` int NOT NULL, `servedOn` varchar(10) NOT NULL, `minutes` int NOT NULL, `form` varchar(20) NOT NULL, `peopleServed` int NOT NULL, `quantity` int NOT NULL, `note` varchar(500) NOT NULL DEFAULT '', `photos` varchar(4000) NOT NULL DEFAULT '[]', `voidsId` int NULL, `createdAt` datetime NOT NULL, INDEX `IDX_3def87fbc505a65ebf16f89f10` (`beneficiaryId`, `servedOn`), INDEX `IDX_71105e4b5c7b82fa09065db73f` (`itemId`, `servedOn`), UNIQUE INDEX `IDX_4a66f8d7093dfadcd7024babee` (`voidsId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `service_contract` ADD CONSTRAINT `FK_7a25f3c46b5238dc0a279e4751f` FOREIGN KEY (`providerId`) REFERENCES `organisation`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_item` ADD CONSTRAINT `FK_ad02d2bcc6a1fb30809092fedea` FOREIGN KEY (`contractId`) REFERENCES `service_contract`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_log` ADD CONSTRAINT `FK_8613ea05d42761be8bbebe1e22d` FOREIGN KEY (`itemId`) REFERENCES `service_item`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_log` ADD CONSTRAINT `FK_2eaa1998f541794c1f32e2b2daa` FOREIGN KEY (`beneficiaryId`) REFERENCES `service_beneficiary`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_log` DROP FOREIGN KEY `FK_2eaa1998f541794c1f32e2b2daa`");
    await queryRunner.query("ALTER TABLE `service_log` DROP FOREIGN KEY `FK_8613ea05d42761be8bbebe1e22d`");
    await queryRunner.query("ALTER TABLE `service_item` DROP FOREIGN KEY `FK_ad02d2bcc6a1fb30809092fedea`");
    await queryRunner.query("ALTER TABLE `service_contract` DROP FOREIGN KEY `FK_7a25f3c46b5238dc0a279e4751f`");
    await queryRunner.query("DROP INDEX `IDX_4a66f8d7093dfadcd7024babee` ON `service_log`");
    await queryRunner.query("DROP INDEX `IDX_71105e4b5c7b82fa09065db73f` ON `service_log`");
    await queryRunner.query("DROP INDEX `IDX_3def87fbc505a65ebf16f89f10` ON `service_log`");
    await queryRunner.query("DROP TABLE `service_log`");
    await queryRunner.query("DROP INDEX `IDX_c7de2f1fbfa336c97b93b5d32c` ON `service_item`");
    await queryRunner.query("DROP INDEX `IDX_ad02d2bcc6a1fb30809092fede` ON `service_item`");
    await queryRunner.query("DROP TABLE `service_item`");
    await queryRunner.query("DROP INDEX `IDX_4e10207be7d0ed31ade7eb8b19` ON `service_item_worker`");
    await queryRunner.query("DROP TABLE `service_item_worker`");
    await queryRunner.query("DROP TABLE `service_item_month`");
    await queryRunner.query("DROP INDEX `IDX_1dbbcf6f971b144f0be3b516e5` ON `service_item_activity`");
    await queryRunner.query("DROP TABLE `service_item_activity`");
    await queryRunner.query("DROP INDEX `IDX_4db86a864204382d23715e9d24` ON `service_evaluation`");
    await queryRunner.query("DROP TABLE `service_evaluation`");
    await queryRunner.query("DROP INDEX `IDX_888c4d2a78e8aed8c7eec55d09` ON `service_contract`");
    await queryRunner.query("DROP INDEX `IDX_0859e9e79779388ba60072c8e4` ON `service_contract`");
    await queryRunner.query("DROP INDEX `IDX_51b319a3d314e881a22c6c52ce` ON `service_contract`");
    await queryRunner.query("DROP INDEX `IDX_7a25f3c46b5238dc0a279e4751` ON `service_contract`");
    await queryRunner.query("DROP TABLE `service_contract`");
    await queryRunner.query("DROP INDEX `IDX_0aa089cc7a2df3370bccd3be43` ON `service_beneficiary`");
    await queryRunner.query("DROP TABLE `service_beneficiary`");
  }
}
