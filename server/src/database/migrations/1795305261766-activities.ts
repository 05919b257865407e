import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Activities1795305261766 implements MigrationInterface {
  name = 'Activities1795305261766';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `activity` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `organisationId` int NULL, `seriesId` int NULL, `createdBy` int NOT NULL, `title` varchar(64) NOT NULL, `category` varchar(32) NOT NULL, `coverUrl` varchar(500) NULL, `description` text NOT NULL, `place` varchar(100) NOT NULL, `startsAt` datetime NOT NULL, `endsAt` datetime NOT NULL, `signupOpensAt` datetime NOT NULL, `signupClosesAt` datetime NOT NULL, `cancelDeadline` datetime NOT NULL, `seats` int NOT NULL, `seatsTaken` int NOT NULL DEFAULT '0', `volunteerSlots` int NOT NULL, `volunteersTaken` int NOT NULL DEFAULT '0', `waitlistCount` int NOT NULL DEFAULT '0', `audience` text NOT NULL, `questions` text NOT NULL, `companionsAllowed` int NOT NULL, `waitlistEnabled` tinyint NOT NULL, `offerHoldMinutes` int NOT NULL, `status` varchar(16) NOT NULL, `cancelReason` varchar(200) NULL, `checkinToken` varchar(32) NOT NULL, `createdAt` datetime NOT NULL, INDEX `IDX_e6f97508105fa340202c9ecdda` (`status`, `endsAt`), INDEX `IDX_fd35aeb3d5d1b71d41907e6149` (`status`, `startsAt`), INDEX `IDX_edb753f869026d4457244b46f0` (`seriesId`), INDEX `IDX_bc3618a41ea9f10ace3a271ece` (`communityId`, `endsAt`), INDEX `IDX_8f74c10ea1206e72e07a482cc5` (`communityId`, `status`, `startsAt`), UNIQUE INDEX `IDX_3462d4d74bd2e5ec17156fad2b` (`checkinToken`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `signup` (`id` int NOT NULL AUTO_INCREMENT, `activityId` int NOT NULL, `userId` int NOT NULL, `role` varchar(16) NOT NULL, `status` varchar(16) NOT NULL, `active` tinyint NULL, `size` int NOT NULL, `companions` text NOT NULL, `answers` text NOT NULL, `offerExpiresAt` datetime NULL, `checkinCode` varchar(32) NOT NULL, `checkedInAt` datetime NULL, `checkedOutAt` datetime NULL, `minutes` int NULL, `reminderSentAt` datetime NULL, `createdAt` datetime NOT NULL, INDEX `IDX_417a086c94a3269a3013e7d9ba` (`status`, `offerExpiresAt`), INDEX `IDX_513558bdd6530a486348812c5d` (`userId`, `id`), INDEX `IDX_40381d270848b67529c3dbfac0` (`activityId`, `status`, `id`), UNIQUE INDEX `IDX_69e764b9fbe30f36c8809cc040` (`activityId`, `userId`, `role`, `active`), UNIQUE INDEX `IDX_e789388109b219f1ee844346bf` (`checkinCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `volunteer_hours` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `activityId` int NOT NULL, `signupId` int NOT NULL, `minutes` int NOT NULL, `createdAt` datetime NOT NULL, INDEX `IDX_662939871b91ebf8660fc6c414` (`userId`, `id`), UNIQUE INDEX `IDX_4ee3028057c68d1540a95abe9d` (`signupId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `inbox_item` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `kind` varchar(32) NOT NULL, `title` varchar(100) NOT NULL, `body` varchar(500) NOT NULL, `activityId` int NULL, `createdAt` datetime NOT NULL, `readAt` datetime NULL, INDEX `IDX_2fa5cfe5e0a1d753fadf624839` (`userId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `activity` ADD CONSTRAINT `FK_ecee7e10c2b02bac30de3ab0279` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `activity` ADD CONSTRAINT `FK_0a013335a4f3f17e2f60388ed80` FOREIGN KEY (`organisationId`) REFERENCES `organisation`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `signup` ADD CONSTRAINT `FK_d24d5842f28e7743ef3861d4783` FOREIGN KEY (`activityId`) REFERENCES `activity`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `signup` ADD CONSTRAINT `FK_cf9d1a136998b8ce8e1a5484f7a` FOREIGN KEY (`userId`) REFERENCES `app_user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `signup` DROP FOREIGN KEY `FK_cf9d1a136998b8ce8e1a5484f7a`");
    await queryRunner.query("ALTER TABLE `signup` DROP FOREIGN KEY `FK_d24d5842f28e7743ef3861d4783`");
    await queryRunner.query("ALTER TABLE `activity` DROP FOREIGN KEY `FK_0a013335a4f3f17e2f60388ed80`");
    await queryRunner.query("ALTER TABLE `activity` DROP FOREIGN KEY `FK_ecee7e10c2b02bac30de3ab0279`");
    await queryRunner.query("DROP INDEX `IDX_2fa5cfe5e0a1d753fadf624839` ON `inbox_item`");
    await queryRunner.query("DROP TABLE `inbox_item`");
    await queryRunner.query("DROP INDEX `IDX_4ee3028057c68d1540a95abe9d` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_662939871b91ebf8660fc6c414` ON `volunteer_hours`");
    await queryRunner.query("DROP TABLE `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_e789388109b219f1ee844346bf` ON `signup`");
    await queryRunner.query("DROP INDEX `IDX_69e764b9fbe30f36c8809cc040` ON `signup`");
    await queryRunner.query("DROP INDEX `IDX_40381d270848b67529c3dbfac0` ON `signup`");
    await queryRunner.query("DROP INDEX `IDX_513558bdd6530a486348812c5d` ON `signup`");
    await queryRunner.query("DROP INDEX `IDX_417a086c94a3269a3013e7d9ba` ON `signup`");
    await queryRunner.query("DROP TABLE `signup`");
    await queryRunner.query("DROP INDEX `IDX_3462d4d74bd2e5ec17156fad2b` ON `activity`");
    await queryRunner.query("DROP INDEX `IDX_8f74c10ea1206e72e07a482cc5` ON `activity`");
    await queryRunner.query("DROP INDEX `IDX_bc3618a41ea9f10ace3a271ece` ON `activity`");
    await queryRunner.query("DROP INDEX `IDX_edb753f869026d4457244b46f0` ON `activity`");
    await queryRunner.query("DROP INDEX `IDX_fd35aeb3d5d1b71d41907e6149` ON `activity`");
    await queryRunner.query("DROP INDEX `IDX_e6f97508105fa340202c9ecdda` ON `activity`");
    await queryRunner.query("DROP TABLE `activity`");
  }
}
