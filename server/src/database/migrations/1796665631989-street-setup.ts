import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StreetSetup1796665631989 implements MigrationInterface {
  name = 'StreetSetup1796665631989';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `organisation_application` (`id` int NOT NULL AUTO_INCREMENT, `applicantId` int NOT NULL, `communityId` int NOT NULL, `name` varchar(100) NOT NULL, `leader` varchar(32) NOT NULL, `membersCount` int NOT NULL, `activities` varchar(500) NOT NULL, `venue` varchar(200) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'pending', `reason` varchar(200) NULL, `organisationId` int NULL, `deciderId` int NULL, `createdAt` datetime NOT NULL, `decidedAt` datetime NULL, INDEX `IDX_8e23b59d0f2bf4ddec2a4ffc28` (`applicantId`), INDEX `IDX_e72b50f9f3f8940a5ecbd16598` (`communityId`, `status`, `id`), UNIQUE INDEX `IDX_9b88ae7a3cec6041c6d01bf59c` (`organisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `community` ADD `archivedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `legalStatus` varchar(32) NOT NULL DEFAULT 'unregistered'");
    await queryRunner.query("ALTER TABLE `organisation` ADD `registrationNo` varchar(64) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `organisation` ADD `leader` varchar(32) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `organisation` ADD `contactPhone` varchar(20) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `organisation` ADD `description` varchar(500) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `organisation` ADD `suspendedAt` datetime NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `stage` varchar(16) NOT NULL DEFAULT 'applied'");
    await queryRunner.query("ALTER TABLE `organisation` ADD `appliedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `incubatingOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `graduatedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `exitedOn` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `organisation` ADD `mentorId` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `mentorId`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `exitedOn`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `graduatedOn`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `incubatingOn`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `appliedOn`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `stage`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `suspendedAt`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `description`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `contactPhone`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `leader`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `registrationNo`");
    await queryRunner.query("ALTER TABLE `organisation` DROP COLUMN `legalStatus`");
    await queryRunner.query("ALTER TABLE `community` DROP COLUMN `archivedAt`");
    await queryRunner.query("DROP INDEX `IDX_9b88ae7a3cec6041c6d01bf59c` ON `organisation_application`");
    await queryRunner.query("DROP INDEX `IDX_e72b50f9f3f8940a5ecbd16598` ON `organisation_application`");
    await queryRunner.query("DROP INDEX `IDX_8e23b59d0f2bf4ddec2a4ffc28` ON `organisation_application`");
    await queryRunner.query("DROP TABLE `organisation_application`");
  }
}
