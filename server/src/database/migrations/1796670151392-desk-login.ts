import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeskLogin1796670151392 implements MigrationInterface {
  name = 'DeskLogin1796670151392';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `desk_login` (`id` int NOT NULL AUTO_INCREMENT, `ticketHash` varchar(64) NOT NULL, `keyHash` varchar(64) NOT NULL, `label` varchar(64) NOT NULL, `createdAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `confirmedBy` int NULL, `confirmedAt` datetime NULL, `sessionId` int NULL, `collectedAt` datetime NULL, UNIQUE INDEX `IDX_42c53b6387123d365294e3d5fd` (`ticketHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `desk_session` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `label` varchar(64) NOT NULL, `createdAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `lastUsedAt` datetime NULL, `revokedAt` datetime NULL, INDEX `IDX_8d3a053b8ae26f43efe4d93227` (`userId`, `expiresAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_8d3a053b8ae26f43efe4d93227` ON `desk_session`");
    await queryRunner.query("DROP TABLE `desk_session`");
    await queryRunner.query("DROP INDEX `IDX_42c53b6387123d365294e3d5fd` ON `desk_login`");
    await queryRunner.query("DROP TABLE `desk_login`");
  }
}
