import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePassesAndCheckIns1795404235430 implements MigrationInterface {
  name = 'CreatePassesAndCheckIns1795404235430';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "transaction_id" bigint NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_position_idx" ON "outbox"  ("transaction_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "check_ins" ("space_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "fingerprint" text NOT NULL, "result" jsonb, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2abfa2d5d49a6892d3e8b94e6ed" PRIMARY KEY ("space_id", "idempotency_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "space_day_seats" ("network_id" uuid NOT NULL, "space_id" uuid NOT NULL, "local_date" text NOT NULL, "taken" integer NOT NULL, CONSTRAINT "PK_5299adb2ff06576de1698ae5110" PRIMARY KEY ("network_id", "space_id", "local_date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "network_keys" ("kid" text NOT NULL, "network_id" uuid NOT NULL, "public_jwk" jsonb NOT NULL, "sealed_private_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6815f079741678dbb8afcffc91f" PRIMARY KEY ("kid"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "network_keys_current_key" ON "network_keys"  ("network_id") WHERE retired_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "pass_month_usage" ("pass_id" uuid NOT NULL, "month" text NOT NULL, "days_used" integer NOT NULL, CONSTRAINT "PK_ea3e422af4dd3307a63e8ee412f" PRIMARY KEY ("pass_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pass_products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "units" integer, "free_days_per_month" integer, "unit_value_cents" bigint NOT NULL, "validity_days" integer, "allow_printed_qr" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pass_products_unit_value" CHECK (unit_value_cents >= 0), CONSTRAINT "pass_products_kind" CHECK (kind IN ('COUPON_BOOK', 'CREDITS', 'RECIPROCAL', 'CORPORATE')), CONSTRAINT "PK_d17ca22c1ea670c51620dc62559" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "pass_products_network_idx" ON "pass_products"  ("network_id") `);
    await queryRunner.query(
      `CREATE TABLE "passes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" text NOT NULL, "product_id" uuid NOT NULL, "network_id" uuid NOT NULL, "kind" text NOT NULL, "holder_id" uuid NOT NULL, "payer_kind" text NOT NULL, "payer_id" uuid NOT NULL, "home_space_id" uuid, "issued_by" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "valid_until" TIMESTAMP WITH TIME ZONE, "remaining_units" integer, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, CONSTRAINT "passes_payer_kind" CHECK (payer_kind IN ('SPACE', 'NETWORK', 'ORGANIZATION')), CONSTRAINT "passes_remaining_units" CHECK (remaining_units IS NULL OR remaining_units >= 0), CONSTRAINT "PK_134bcc85edb314563da017b64c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "passes_serial_key" ON "passes"  ("serial") `);
    await queryRunner.query(`CREATE INDEX "passes_network_idx" ON "passes"  ("network_id") `);
    await queryRunner.query(`CREATE INDEX "passes_holder_idx" ON "passes"  ("holder_id") `);
    await queryRunner.query(`CREATE INDEX "passes_payer_idx" ON "passes"  ("payer_id") `);
    await queryRunner.query(
      `CREATE TABLE "visits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pass_id" uuid NOT NULL, "space_id" uuid NOT NULL, "network_id" uuid NOT NULL, "payer_kind" text NOT NULL, "payer_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "local_date" text NOT NULL, "network_month" text NOT NULL, "units" integer NOT NULL, "amount_cents" bigint NOT NULL, "status" text NOT NULL, "took_seat" boolean NOT NULL, "quota_month" text, "scanner_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "voided_at" TIMESTAMP WITH TIME ZONE, "void_reason" text, CONSTRAINT "visits_status" CHECK (status IN ('ACCEPTED', 'VOIDED')), CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "visits_pass_idx" ON "visits"  ("pass_id") `);
    await queryRunner.query(`CREATE INDEX "visits_space_idx" ON "visits"  ("space_id") `);
    await queryRunner.query(`CREATE INDEX "visits_network_month_idx" ON "visits"  ("network_id", "network_month") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "visits_one_per_day" ON "visits"  ("pass_id", "space_id", "local_date") WHERE status = 'ACCEPTED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_keys" ADD CONSTRAINT "network_keys_network_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pass_products" ADD CONSTRAINT "pass_products_network_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "passes" ADD CONSTRAINT "passes_product_fkey" FOREIGN KEY ("product_id") REFERENCES "pass_products"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "visits_pass_fkey" FOREIGN KEY ("pass_id") REFERENCES "passes"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "visits_space_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "visits_space_fkey"`);
    await queryRunner.query(`ALTER TABLE "visits" DROP CONSTRAINT "visits_pass_fkey"`);
    await queryRunner.query(`ALTER TABLE "passes" DROP CONSTRAINT "passes_product_fkey"`);
    await queryRunner.query(`ALTER TABLE "pass_products" DROP CONSTRAINT "pass_products_network_fkey"`);
    await queryRunner.query(`ALTER TABLE "network_keys" DROP CONSTRAINT "network_keys_network_fkey"`);
    await queryRunner.query(`DROP INDEX "network"."visits_one_per_day"`);
    await queryRunner.query(`DROP INDEX "network"."visits_network_month_idx"`);
    await queryRunner.query(`DROP INDEX "network"."visits_space_idx"`);
    await queryRunner.query(`DROP INDEX "network"."visits_pass_idx"`);
    await queryRunner.query(`DROP TABLE "visits"`);
    await queryRunner.query(`DROP INDEX "network"."passes_payer_idx"`);
    await queryRunner.query(`DROP INDEX "network"."passes_holder_idx"`);
    await queryRunner.query(`DROP INDEX "network"."passes_network_idx"`);
    await queryRunner.query(`DROP INDEX "network"."passes_serial_key"`);
    await queryRunner.query(`DROP TABLE "passes"`);
    await queryRunner.query(`DROP INDEX "network"."pass_products_network_idx"`);
    await queryRunner.query(`DROP TABLE "pass_products"`);
    await queryRunner.query(`DROP TABLE "pass_month_usage"`);
    await queryRunner.query(`DROP INDEX "network"."network_keys_current_key"`);
    await queryRunner.query(`DROP TABLE "network_keys"`);
    await queryRunner.query(`DROP TABLE "space_day_seats"`);
    await queryRunner.query(`DROP TABLE "check_ins"`);
    await queryRunner.query(`DROP INDEX "network"."outbox_position_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
