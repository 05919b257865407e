import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Polls1795311159877 implements MigrationInterface {
  name = 'Polls1795311159877';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `poll_ballot` (`id` varchar(32) NOT NULL, `pollId` int NOT NULL, `answers` text NOT NULL, `opinion` varchar(500) NOT NULL, `receiptHash` varchar(64) NOT NULL, UNIQUE INDEX `IDX_6a02f71811521e7fe0eeaf3d6a` (`pollId`, `receiptHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `poll_choice` (`pollId` int NOT NULL, `optionId` int NOT NULL, `ballotId` varchar(32) NOT NULL, `questionId` int NOT NULL, PRIMARY KEY (`pollId`, `optionId`, `ballotId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `poll` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `createdBy` int NOT NULL, `title` varchar(64) NOT NULL, `background` text NOT NULL, `buildings` text NOT NULL, `voterMode` varchar(16) NOT NULL, `secrecy` varchar(16) NOT NULL, `opensAt` datetime NOT NULL, `closesAt` datetime NOT NULL, `resultsVisibility` varchar(16) NOT NULL, `minBallots` int NOT NULL, `quorumPercent` int NOT NULL, `passRule` varchar(16) NOT NULL, `opinionsEnabled` tinyint NOT NULL, `status` varchar(16) NOT NULL, `publishedAt` datetime NULL, `publicationStatement` text NULL, `publicationResults` text NULL, `createdAt` datetime NOT NULL, INDEX `IDX_e4dd1ef5b68ec3d77a60243b66` (`communityId`, `status`, `closesAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `poll_question` (`id` int NOT NULL AUTO_INCREMENT, `pollId` int NOT NULL, `position` int NOT NULL, `title` varchar(100) NOT NULL, `kind` varchar(16) NOT NULL, `minChoices` int NOT NULL, `maxChoices` int NOT NULL, INDEX `IDX_657ab3fb732f88c1e33720b5b6` (`pollId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `poll_option` (`id` int NOT NULL AUTO_INCREMENT, `pollId` int NOT NULL, `questionId` int NOT NULL, `position` int NOT NULL, `label` varchar(40) NOT NULL, `description` varchar(200) NOT NULL, INDEX `IDX_dded23ae8f1e941af1cf8edb0f` (`pollId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `poll_participation` (`pollId` int NOT NULL, `voterKey` varchar(24) NOT NULL, `channel` varchar(8) NOT NULL, `namedBallotId` varchar(32) NULL, `createdAt` datetime NOT NULL, PRIMARY KEY (`pollId`, `voterKey`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `inbox_item` ADD `pollId` int NULL");
    await queryRunner.query("ALTER TABLE `poll` ADD CONSTRAINT `FK_87cac41a6047bf30ac9a738407d` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `poll_question` ADD CONSTRAINT `FK_cbf32fde59a0d705dfa23ba0346` FOREIGN KEY (`pollId`) REFERENCES `poll`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `poll_option` ADD CONSTRAINT `FK_6364c2e4877f0d3551046888370` FOREIGN KEY (`questionId`) REFERENCES `poll_question`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `poll_option` DROP FOREIGN KEY `FK_6364c2e4877f0d3551046888370`");
    await queryRunner.query("ALTER TABLE `poll_question` DROP FOREIGN KEY `FK_cbf32fde59a0d705dfa23ba0346`");
    await queryRunner.query("ALTER TABLE `poll` DROP FOREIGN KEY `FK_87cac41a6047bf30ac9a738407d`");
    await queryRunner.query("ALTER TABLE `inbox_item` DROP COLUMN `pollId`");
    await queryRunner.query("DROP TABLE `poll_participation`");
    await queryRunner.query("DROP INDEX `IDX_dded23ae8f1e941af1cf8edb0f` ON `poll_option`");
    await queryRunner.query("DROP TABLE `poll_option`");
    await queryRunner.query("DROP INDEX `IDX_657ab3fb732f88c1e33720b5b6` ON `poll_question`");
    await queryRunner.query("DROP TABLE `poll_question`");
    await queryRunner.query("DROP INDEX `IDX_e4dd1ef5b68ec3d77a60243b66` ON `poll`");
    await queryRunner.query("DROP TABLE `poll`");
    await queryRunner.query("DROP TABLE `poll_choice`");
    await queryRunner.query("DROP INDEX `IDX_6a02f71811521e7fe0eeaf3d6a` ON `poll_ballot`");
    await queryRunner.query("DROP TABLE `poll_ballot`");
  }
}
