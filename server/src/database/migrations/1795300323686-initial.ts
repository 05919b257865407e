import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795300323686 implements MigrationInterface {
  name = 'Initial1795300323686';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_log` (`id` int NOT NULL AUTO_INCREMENT, `actorId` int NULL, `action` varchar(64) NOT NULL, `communityId` int NULL, `targetType` varchar(32) NOT NULL, `targetId` int NULL, `detail` text NOT NULL, `createdAt` datetime NOT NULL, INDEX `IDX_5f8c7e8b361d03f19c1ce305a8` (`communityId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `street` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, UNIQUE INDEX `IDX_f0567bb5ed56fd545d891528ac` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `community` (`id` int NOT NULL AUTO_INCREMENT, `streetId` int NOT NULL, `name` varchar(64) NOT NULL, `address` varchar(200) NOT NULL DEFAULT '', UNIQUE INDEX `IDX_675a575650b980b16d48046dd4` (`streetId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `household` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `building` varchar(32) NOT NULL, `unit` varchar(32) NOT NULL, `room` varchar(32) NOT NULL, UNIQUE INDEX `IDX_2ac6f3613e0014aa8c1add7d2a` (`communityId`, `building`, `unit`, `room`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `organisation` (`id` int NOT NULL AUTO_INCREMENT, `streetId` int NOT NULL, `name` varchar(100) NOT NULL, `type` varchar(32) NOT NULL, UNIQUE INDEX `IDX_f1d57fd629668fb62c0fc1bfae` (`streetId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `organisation_community` (`organisationId` int NOT NULL, `communityId` int NOT NULL, PRIMARY KEY (`organisationId`, `communityId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `census_resident` (`id` int NOT NULL AUTO_INCREMENT, `householdId` int NOT NULL, `communityId` int NOT NULL, `name` varchar(32) NOT NULL, `importedAt` datetime NOT NULL, UNIQUE INDEX `IDX_cad0092081266d831f29cae489` (`householdId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `app_user` (`id` int NOT NULL AUTO_INCREMENT, `openid` varchar(64) NOT NULL, `unionid` varchar(64) NULL, `nickname` varchar(32) NOT NULL, `avatarUrl` varchar(500) NULL, `birthYear` int NULL, `createdAt` datetime NOT NULL, UNIQUE INDEX `IDX_c7b89fc49b5acacf325dd16092` (`openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `residency_claim` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `householdId` int NOT NULL, `communityId` int NOT NULL, `realName` varchar(32) NOT NULL, `status` varchar(16) NOT NULL, `active` tinyint NULL, `reason` varchar(200) NULL, `decidedBy` varchar(16) NULL, `deciderId` int NULL, `createdAt` datetime NOT NULL, `decidedAt` datetime NULL, INDEX `IDX_e24ac87d3ab7622dd3a6c13dc5` (`communityId`, `status`, `id`), UNIQUE INDEX `IDX_e840e513a066bef846ab06cf26` (`userId`, `householdId`, `active`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `residency` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `householdId` int NOT NULL, `communityId` int NOT NULL, `source` varchar(16) NOT NULL, `verifiedAt` datetime NOT NULL, INDEX `IDX_80565129b99ad4bbc204e56b98` (`communityId`), UNIQUE INDEX `IDX_1c1fa1ce05bdfadd321f93cd8c` (`userId`, `householdId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `role_grant` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `role` varchar(32) NOT NULL, `scopeKey` varchar(48) NOT NULL, `streetId` int NULL, `communityId` int NULL, `organisationId` int NULL, INDEX `IDX_bb38408c2013c5de68d6086a84` (`userId`), UNIQUE INDEX `IDX_c24bc9b7cffdf8a6159846c080` (`userId`, `role`, `scopeKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `community` ADD CONSTRAINT `FK_3b34cbe8c7e759e88af1266a2e6` FOREIGN KEY (`streetId`) REFERENCES `street`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `household` ADD CONSTRAINT `FK_1ee0ade0cf45e6ceb9b86787374` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `organisation` ADD CONSTRAINT `FK_c3313ccb5550e405425da2f3682` FOREIGN KEY (`streetId`) REFERENCES `street`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `organisation_community` ADD CONSTRAINT `FK_f43ea44782b67d2e97688f1519a` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `organisation_community` ADD CONSTRAINT `FK_13c8e80aa110c0495989d57e4f7` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `residency_claim` ADD CONSTRAINT `FK_4e1053abc22cb5cf3e284910ee8` FOREIGN KEY (`userId`) REFERENCES `app_user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `residency_claim` ADD CONSTRAINT `FK_21f4161f708ef1a16cd6682f86a` FOREIGN KEY (`householdId`) REFERENCES `household`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `residency` ADD CONSTRAINT `FK_c1ebc8a38a0a06307b88c9c4fcf` FOREIGN KEY (`householdId`) REFERENCES `household`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `residency` DROP FOREIGN KEY `FK_c1ebc8a38a0a06307b88c9c4fcf`");
    await queryRunner.query("ALTER TABLE `residency_claim` DROP FOREIGN KEY `FK_21f4161f708ef1a16cd6682f86a`");
    await queryRunner.query("ALTER TABLE `residency_claim` DROP FOREIGN KEY `FK_4e1053abc22cb5cf3e284910ee8`");
    await queryRunner.query("ALTER TABLE `organisation_community` DROP FOREIGN KEY `FK_13c8e80aa110c0495989d57e4f7`");
    await queryRunner.query("ALTER TABLE `organisation_community` DROP FOREIGN KEY `FK_f43ea44782b67d2e97688f1519a`");
    await queryRunner.query("ALTER TABLE `organisation` DROP FOREIGN KEY `FK_c3313ccb5550e405425da2f3682`");
    await queryRunner.query("ALTER TABLE `household` DROP FOREIGN KEY `FK_1ee0ade0cf45e6ceb9b86787374`");
    await queryRunner.query("ALTER TABLE `community` DROP FOREIGN KEY `FK_3b34cbe8c7e759e88af1266a2e6`");
    await queryRunner.query("DROP INDEX `IDX_c24bc9b7cffdf8a6159846c080` ON `role_grant`");
    await queryRunner.query("DROP INDEX `IDX_bb38408c2013c5de68d6086a84` ON `role_grant`");
    await queryRunner.query("DROP TABLE `role_grant`");
    await queryRunner.query("DROP INDEX `IDX_1c1fa1ce05bdfadd321f93cd8c` ON `residency`");
    await queryRunner.query("DROP INDEX `IDX_80565129b99ad4bbc204e56b98` ON `residency`");
    await queryRunner.query("DROP TABLE `residency`");
    await queryRunner.query("DROP INDEX `IDX_e840e513a066bef846ab06cf26` ON `residency_claim`");
    await queryRunner.query("DROP INDEX `IDX_e24ac87d3ab7622dd3a6c13dc5` ON `residency_claim`");
    await queryRunner.query("DROP TABLE `residency_claim`");
    await queryRunner.query("DROP INDEX `IDX_c7b89fc49b5acacf325dd16092` ON `app_user`");
    await queryRunner.query("DROP TABLE `app_user`");
    await queryRunner.query("DROP INDEX `IDX_cad0092081266d831f29cae489` ON `census_resident`");
    await queryRunner.query("DROP TABLE `census_resident`");
    await queryRunner.query("DROP TABLE `organisation_community`");
    await queryRunner.query("DROP INDEX `IDX_f1d57fd629668fb62c0fc1bfae` ON `organisation`");
    await queryRunner.query("DROP TABLE `organisation`");
    await queryRunner.query("DROP INDEX `IDX_2ac6f3613e0014aa8c1add7d2a` ON `household`");
    await queryRunner.query("DROP TABLE `household`");
    await queryRunner.query("DROP INDEX `IDX_675a575650b980b16d48046dd4` ON `community`");
    await queryRunner.query("DROP TABLE `community`");
    await queryRunner.query("DROP INDEX `IDX_f0567bb5ed56fd545d891528ac` ON `street`");
    await queryRunner.query("DROP TABLE `street`");
    await queryRunner.query("DROP INDEX `IDX_5f8c7e8b361d03f19c1ce305a8` ON `audit_log`");
    await queryRunner.query("DROP TABLE `audit_log`");
  }
}
