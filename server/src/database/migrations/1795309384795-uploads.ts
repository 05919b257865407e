import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Uploads1795309384795 implements MigrationInterface {
  name = 'Uploads1795309384795';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `upload` (`id` int NOT NULL AUTO_INCREMENT, `uploaderId` int NOT NULL, `key` varchar(64) NOT NULL, `mime` varchar(32) NOT NULL, `size` int NOT NULL, `width` int NOT NULL, `height` int NOT NULL, `createdAt` datetime NOT NULL, INDEX `IDX_edbcfd8bf80bc07a93620b5498` (`uploaderId`, `id`), INDEX `IDX_b3711286fc9cc4fabaf30858dc` (`key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b3711286fc9cc4fabaf30858dc` ON `upload`");
    await queryRunner.query("DROP INDEX `IDX_edbcfd8bf80bc07a93620b5498` ON `upload`");
    await queryRunner.query("DROP TABLE `upload`");
  }
}
