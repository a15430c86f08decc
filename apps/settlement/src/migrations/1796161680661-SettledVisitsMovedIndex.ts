import { MigrationInterface, QueryRunner } from 'typeorm';

export class SettledVisitsMovedIndex1796161680661 implements MigrationInterface {
  name = 'SettledVisitsMovedIndex1796161680661';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "settled_visits_moved_idx" ON "settled_visits"  ("network_id", "network_month", "period_month") WHERE network_month <> period_month`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "settlement"."settled_visits_moved_idx"`);
  }
}
