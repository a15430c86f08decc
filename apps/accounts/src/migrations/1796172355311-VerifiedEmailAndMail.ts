import { MigrationInterface, QueryRunner } from 'typeorm';

export class VerifiedEmailAndMail1796172355311 implements MigrationInterface {
  name = 'VerifiedEmailAndMail1796172355311';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" text NOT NULL, "email" text NOT NULL, "secret_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08abb3fa348e894c274a6730d35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_018295f41628791c301bfe8b62" ON "email_tokens"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "mail_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "links" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, CONSTRAINT "PK_1bd6e76ef3b3d4aff7d0510a509" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fe494ea34d68cd3af01432c575" ON "mail_messages"  ("recipient") `);
    await queryRunner.query(
      `CREATE INDEX "mail_messages_pending_idx" ON "mail_messages"  ("next_attempt_at") WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "request_limits" ("key" text NOT NULL, "last_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_53a47b4821ed039e33456a26b50" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "credential_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" text NOT NULL DEFAULT 'fr'`);
    // Accounts from before verification existed are trusted as they were: their addresses count as verified.
    await queryRunner.query(
      `UPDATE "users" SET "email_verified_at" = coalesce("claimed_at", "created_at") WHERE "password_hash" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "credential_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP TABLE "request_limits"`);
    await queryRunner.query(`DROP INDEX "accounts"."mail_messages_pending_idx"`);
    await queryRunner.query(`DROP INDEX "accounts"."IDX_fe494ea34d68cd3af01432c575"`);
    await queryRunner.query(`DROP TABLE "mail_messages"`);
    await queryRunner.query(`DROP INDEX "accounts"."IDX_018295f41628791c301bfe8b62"`);
    await queryRunner.query(`DROP TABLE "email_tokens"`);
  }
}
