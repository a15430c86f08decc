import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the check-in's index work on recent rows: idempotency records become deletable by age, oldest
 * first (an index on their arrival time), and the one-visit-per-day index leads with the day instead of the
 * pass, so today's inserts and lookups share a few hot pages instead of touching random ones.
 */
export class CheckInRetentionAndRecentDays1795425992181 implements MigrationInterface {
  name = 'CheckInRetentionAndRecentDays1795425992181';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "check_ins_received_at_idx" ON "check_ins"  ("received_at") `);
    await queryRunner.query(`DROP INDEX "network"."visits_one_per_day"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "visits_one_per_day" ON "visits"  ("local_date", "pass_id", "space_id") WHERE status = 'ACCEPTED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "network"."visits_one_per_day"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "visits_one_per_day" ON "visits"  ("pass_id", "space_id", "local_date") WHERE status = 'ACCEPTED'`,
    );
    await queryRunner.query(`DROP INDEX "network"."check_ins_received_at_idx"`);
  }
}
