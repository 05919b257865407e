import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResidencyClaimPendingSlot1796666056300 implements MigrationInterface {
  name = 'ResidencyClaimPendingSlot1796666056300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `residency_claim` ADD `pendingSlot` tinyint NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `UQ_residency_claim_pending_slot` ON `residency_claim` (`userId`, `pendingSlot`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `UQ_residency_claim_pending_slot` ON `residency_claim`");
    await queryRunner.query("ALTER TABLE `residency_claim` DROP COLUMN `pendingSlot`");
  }
}
