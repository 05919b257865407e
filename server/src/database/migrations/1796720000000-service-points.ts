import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServicePoints1796720000000 implements MigrationInterface {
  name = 'ServicePoints1796720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_point` (`id` int NOT NULL AUTO_INCREMENT, `streetId` int NOT NULL, `communityId` int NULL, `name` varchar(100) NOT NULL, `kind` varchar(40) NOT NULL, `organisationId` int NULL, `address` varchar(200) NOT NULL, `lat` double NOT NULL, `lng` double NOT NULL, `latBand` int NOT NULL, `hours` varchar(2000) NOT NULL, `services` varchar(1000) NOT NULL, `phone` varchar(20) NOT NULL DEFAULT '', INDEX `IDX_940f8889eb92e95ea69059f20c` (`streetId`, `communityId`), INDEX `IDX_00ce91bab6b9561fdb878b068c` (`latBand`, `lng`, `lat`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `community` ADD `centreLat` double NULL");
    await queryRunner.query("ALTER TABLE `community` ADD `centreLng` double NULL");
    await queryRunner.query("ALTER TABLE `service_point` ADD CONSTRAINT `FK_16e4590345b6e0116c898fbbaa1` FOREIGN KEY (`streetId`) REFERENCES `street`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_point` ADD CONSTRAINT `FK_d5595a448406aa3101d0f6bde66` FOREIGN KEY (`communityId`) REFERENCES `community`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_point` DROP FOREIGN KEY `FK_d5595a448406aa3101d0f6bde66`");
    await queryRunner.query("ALTER TABLE `service_point` DROP FOREIGN KEY `FK_16e4590345b6e0116c898fbbaa1`");
    await queryRunner.query("ALTER TABLE `community` DROP COLUMN `centreLng`");
    await queryRunner.query("ALTER TABLE `community` DROP COLUMN `centreLat`");
    await queryRunner.query("DROP INDEX `IDX_00ce91bab6b9561fdb878b068c` ON `service_point`");
    await queryRunner.query("DROP INDEX `IDX_940f8889eb92e95ea69059f20c` ON `service_point`");
    await queryRunner.query("DROP TABLE `service_point`");
  }
}
