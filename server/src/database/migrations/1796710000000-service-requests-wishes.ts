import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRequestsWishes1796710000000 implements MigrationInterface {
  name = 'ServiceRequestsWishes1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_request` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `householdId` int NOT NULL, `category` varchar(16) NOT NULL, `details` varchar(300) NOT NULL, `neededAt` datetime NULL, `contactName` varchar(32) NOT NULL DEFAULT '', `serviceItemId` int NULL, `state` varchar(16) NOT NULL, `requesterId` int NOT NULL, `enteredByStaff` tinyint NOT NULL DEFAULT 0, `declineReason` varchar(200) NULL, `assigneeKind` varchar(16) NULL, `assigneeUserId` int NULL, `assigneeOrganisationId` int NULL, `doneNote` varchar(300) NULL, `rating` int NULL, `comment` varchar(300) NULL, `createdAt` datetime NOT NULL, `updatedAt` datetime NOT NULL, INDEX `IDX_2efe5395a1f4e7590599cd7b82` (`assigneeOrganisationId`, `id`), INDEX `IDX_1b64843a5809e9328fd80ea351` (`assigneeUserId`, `id`), INDEX `IDX_a8b7ce191cad48cee16cd05dc5` (`householdId`, `id`), INDEX `IDX_52caa6c58d4f8e9db66e385c01` (`requesterId`, `id`), INDEX `IDX_0d90725688165b17b2d8d4c146` (`communityId`, `state`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wish` (`id` int NOT NULL AUTO_INCREMENT, `communityId` int NOT NULL, `householdId` int NULL, `beneficiaryName` varchar(32) NOT NULL, `title` varchar(60) NOT NULL, `story` varchar(300) NOT NULL DEFAULT '', `state` varchar(16) NOT NULL, `createdBy` int NOT NULL, `claimerKind` varchar(16) NULL, `claimerUserId` int NULL, `claimerOrganisationId` int NULL, `deliveryNote` varchar(200) NULL, `createdAt` datetime NOT NULL, `claimedAt` datetime NULL, `deliveredAt` datetime NULL, `confirmedAt` datetime NULL, INDEX `IDX_f8021973b4ef8850e1de36abf7` (`claimerOrganisationId`, `id`), INDEX `IDX_b000b76370e81dca884c2702e0` (`claimerUserId`, `id`), INDEX `IDX_cb651ce56437b688f6027d94d6` (`communityId`, `state`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_cb651ce56437b688f6027d94d6` ON `wish`");
    await queryRunner.query("DROP INDEX `IDX_b000b76370e81dca884c2702e0` ON `wish`");
    await queryRunner.query("DROP INDEX `IDX_f8021973b4ef8850e1de36abf7` ON `wish`");
    await queryRunner.query("DROP TABLE `wish`");
    await queryRunner.query("DROP INDEX `IDX_0d90725688165b17b2d8d4c146` ON `service_request`");
    await queryRunner.query("DROP INDEX `IDX_52caa6c58d4f8e9db66e385c01` ON `service_request`");
    await queryRunner.query("DROP INDEX `IDX_a8b7ce191cad48cee16cd05dc5` ON `service_request`");
    await queryRunner.query("DROP INDEX `IDX_1b64843a5809e9328fd80ea351` ON `service_request`");
    await queryRunner.query("DROP INDEX `IDX_2efe5395a1f4e7590599cd7b82` ON `service_request`");
    await queryRunner.query("DROP TABLE `service_request`");
  }
}
