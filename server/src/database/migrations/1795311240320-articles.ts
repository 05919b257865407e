import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Articles1795311240320 implements MigrationInterface {
  name = 'Articles1795311240320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `article_read` (`articleId` int NOT NULL, `userId` int NOT NULL, `day` varchar(10) NOT NULL, `createdAt` datetime NOT NULL, PRIMARY KEY (`articleId`, `userId`, `day`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `article` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `organisationId` int NULL, `createdBy` int NOT NULL, `kind` varchar(16) NOT NULL, `title` varchar(64) NOT NULL, `coverUrl` varchar(500) NULL, `summary` varchar(200) NOT NULL, `body` text NOT NULL, `activityId` int NULL, `pollId` int NULL, `pinned` tinyint NOT NULL, `status` varchar(16) NOT NULL, `publishedAt` datetime NULL, `updatedAt` datetime NULL, `readCount` int NOT NULL DEFAULT '0', `createdAt` datetime NOT NULL, INDEX `IDX_bdfe8e2a5bf042260b40b276bf` (`communityId`, `status`, `publishedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `article` ADD CONSTRAINT `FK_8f6b4397445bc47fee732c9e8b0` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `article` ADD CONSTRAINT `FK_3e632c823d3c07e7b8ba198a568` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `article` DROP FOREIGN KEY `FK_3e632c823d3c07e7b8ba198a568`");
    await queryRunner.query("ALTER TABLE `article` DROP FOREIGN KEY `FK_8f6b4397445bc47fee732c9e8b0`");
    await queryRunner.query("DROP INDEX `IDX_bdfe8e2a5bf042260b40b276bf` ON `article`");
    await queryRunner.query("DROP TABLE `article`");
    await queryRunner.query("DROP TABLE `article_read`");
  }
}
