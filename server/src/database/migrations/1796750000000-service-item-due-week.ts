import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceItemDueWeek1796750000000 implements MigrationInterface {
  name = 'ServiceItemDueWeek1796750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_item_due_week` (`itemId` int NOT NULL, `week` varchar(10) NOT NULL, `people` int NOT NULL DEFAULT '0', PRIMARY KEY (`itemId`, `week`)) ENGINE=InnoDB");
    // The registers already kept: each person counted in the Monday of their due day's week.
    await queryRunner.query(
      "INSERT INTO `service_item_due_week` (`itemId`, `week`, `people`) SELECT `itemId`, DATE_FORMAT(`dueOn` - INTERVAL WEEKDAY(`dueOn`) DAY, '%Y-%m-%d') AS `week`, COUNT(*) " +
        'FROM `service_beneficiary` WHERE `archivedAt` IS NULL AND `dueOn` IS NOT NULL GROUP BY `itemId`, `week`',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `service_item_due_week`');
  }
}
