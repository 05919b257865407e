import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffInvitesAuditChain1796666136228 implements MigrationInterface {
  name = 'StaffInvitesAuditChain1796666136228';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `invite` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(6) NOT NULL, `role` varchar(32) NOT NULL, `streetId` int NOT NULL, `communityId` int NULL, `organisationId` int NULL, `inviterId` int NULL, `createdAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `acceptedAt` datetime NULL, `acceptedBy` int NULL, INDEX `IDX_bf6cf226658836a6939173f348` (`streetId`, `id`), UNIQUE INDEX `IDX_ffbbc5bbb052814e22a0c525ff` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_chain_head` (`chain` int NOT NULL, `seq` int NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`chain`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `audit_log` ADD `streetId` int NULL");
    await queryRunner.query("ALTER TABLE `audit_log` ADD `chain` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `audit_log` ADD `seq` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `audit_log` ADD `prevHash` varchar(64) NOT NULL DEFAULT ''");
    await queryRunner.query("ALTER TABLE `audit_log` ADD `hash` varchar(64) NOT NULL DEFAULT ''");
    // Rows written before the chain existed cannot be hashed after the fact: they are set apart as chain -1, which
    // audit-verify counts but cannot check; their street comes from their community, for street admins to read.
    await queryRunner.query("UPDATE `audit_log` SET `chain` = -1, `seq` = `id`");
    await queryRunner.query("UPDATE `audit_log` a JOIN `community` c ON c.`id` = a.`communityId` SET a.`streetId` = c.`streetId`");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_f88fa83e4ffdc0321bee5e2ea9` ON `audit_log` (`chain`, `seq`)");
    await queryRunner.query("CREATE INDEX `IDX_aaf170e47d2b1ba864e50a850d` ON `audit_log` (`streetId`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_aaf170e47d2b1ba864e50a850d` ON `audit_log`");
    await queryRunner.query("DROP INDEX `IDX_f88fa83e4ffdc0321bee5e2ea9` ON `audit_log`");
    await queryRunner.query("ALTER TABLE `audit_log` DROP COLUMN `hash`");
    await queryRunner.query("ALTER TABLE `audit_log` DROP COLUMN `prevHash`");
    await queryRunner.query("ALTER TABLE `audit_log` DROP COLUMN `seq`");
    await queryRunner.query("ALTER TABLE `audit_log` DROP COLUMN `chain`");
    await queryRunner.query("ALTER TABLE `audit_log` DROP COLUMN `streetId`");
    await queryRunner.query("DROP TABLE `audit_chain_head`");
    await queryRunner.query("DROP INDEX `IDX_ffbbc5bbb052814e22a0c525ff` ON `invite`");
    await queryRunner.query("DROP INDEX `IDX_bf6cf226658836a6939173f348` ON `invite`");
    await queryRunner.query("DROP TABLE `invite`");
  }
}
