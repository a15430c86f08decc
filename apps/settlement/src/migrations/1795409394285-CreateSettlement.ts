import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSettlement1795409394285 implements MigrationInterface {
  name = 'CreateSettlement1795409394285';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "closed_periods" ("network_id" uuid NOT NULL, "month" text NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_by" uuid NOT NULL, "figures" jsonb NOT NULL, CONSTRAINT "PK_cbef63e40b169d7c81472e9b747" PRIMARY KEY ("network_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "charges" ("id" BIGSERIAL NOT NULL, "network_id" uuid NOT NULL, "period_month" text NOT NULL, "visit_id" uuid NOT NULL, "host_space_id" uuid NOT NULL, "payer_kind" text NOT NULL, "payer_id" uuid NOT NULL, "visits" smallint NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "PK_0c6feb10df0fa460714f8464dce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "charges_visit_idx" ON "charges"  ("visit_id") `);
    await queryRunner.query(`CREATE INDEX "charges_period_idx" ON "charges"  ("network_id", "period_month") `);
    await queryRunner.query(
      `CREATE TABLE "consumer_positions" ("source" text NOT NULL, "position" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aca6408885f8de8642dfe22c2c7" PRIMARY KEY ("source"))`,
    );
    // The visit stream is read from its very beginning.
    await queryRunner.query(`INSERT INTO "consumer_positions" ("source", "position") VALUES ('network', '0:0')`);
    await queryRunner.query(
      `CREATE TABLE "settled_visits" ("visit_id" uuid NOT NULL, "network_id" uuid NOT NULL, "host_space_id" uuid NOT NULL, "payer_kind" text NOT NULL, "payer_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "network_month" text NOT NULL, "period_month" text NOT NULL, "voided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_859a85bfda6a6316af0e63f4d83" PRIMARY KEY ("visit_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "settled_visits"`);
    await queryRunner.query(`DROP TABLE "consumer_positions"`);
    await queryRunner.query(`DROP INDEX "settlement"."charges_period_idx"`);
    await queryRunner.query(`DROP INDEX "settlement"."charges_visit_idx"`);
    await queryRunner.query(`DROP TABLE "charges"`);
    await queryRunner.query(`DROP TABLE "closed_periods"`);
  }
}
