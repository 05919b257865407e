import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsIndexes1796669907539 implements MigrationInterface {
  name = 'StatsIndexes1796669907539';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity` (`communityId`, `startsAt`, `status`, `category`, `seats`, `seatsTaken`)");
    await queryRunner.query("CREATE INDEX `IDX_a70cb78b7e0d318ddb6bba7f8c` ON `signup` (`activityId`, `role`, `status`)");
    await queryRunner.query("CREATE INDEX `IDX_dd6a2a9610a0721b1ee9a3b7b6` ON `volunteer_hours` (`userId`, `createdAt`, `minutes`)");
    await queryRunner.query("CREATE INDEX `IDX_4cff8896ea87f9f66b32b6ebe6` ON `volunteer_hours` (`activityId`, `createdAt`, `minutes`)");
    await queryRunner.query("CREATE INDEX `IDX_3c7bb1c6eea717e34236282555` ON `residency` (`communityId`, `verifiedAt`)");
    // After its replacement exists, so the community lookups never lose their index.
    await queryRunner.query("DROP INDEX `IDX_80565129b99ad4bbc204e56b98` ON `residency`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_3c7bb1c6eea717e34236282555` ON `residency`");
    await queryRunner.query("DROP INDEX `IDX_4cff8896ea87f9f66b32b6ebe6` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_dd6a2a9610a0721b1ee9a3b7b6` ON `volunteer_hours`");
    await queryRunner.query("DROP INDEX `IDX_a70cb78b7e0d318ddb6bba7f8c` ON `signup`");
    await queryRunner.query("DROP INDEX `IDX_7c3fafa24bdf6d5f1a272a8d48` ON `activity`");
    await queryRunner.query("CREATE INDEX `IDX_80565129b99ad4bbc204e56b98` ON `residency` (`communityId`)");
  }
}
