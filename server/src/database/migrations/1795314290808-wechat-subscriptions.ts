import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatSubscriptions1795314290808 implements MigrationInterface {
  name = 'WechatSubscriptions1795314290808';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `subscribe_consent` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `templateKey` varchar(32) NOT NULL, `remaining` int NOT NULL, `updatedAt` datetime NOT NULL, UNIQUE INDEX `IDX_f4c320dd6d1e18cc9e132aa8cb` (`userId`, `templateKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_send` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `templateKey` varchar(32) NOT NULL, `templateId` varchar(64) NOT NULL, `page` varchar(200) NOT NULL, `data` varchar(1000) NOT NULL, `activityId` int NULL, `pollId` int NULL, `communityId` int NULL, `status` varchar(16) NOT NULL, `attempts` int NOT NULL, `errcode` int NULL, `error` varchar(200) NULL, `createdAt` datetime NOT NULL, `updatedAt` datetime NOT NULL, INDEX `IDX_b1670499470b2c09bd204ce3c6` (`status`, `communityId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b1670499470b2c09bd204ce3c6` ON `wechat_send`");
    await queryRunner.query("DROP TABLE `wechat_send`");
    await queryRunner.query("DROP INDEX `IDX_f4c320dd6d1e18cc9e132aa8cb` ON `subscribe_consent`");
    await queryRunner.query("DROP TABLE `subscribe_consent`");
  }
}
