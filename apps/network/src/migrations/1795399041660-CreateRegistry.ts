import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistry1795399041660 implements MigrationInterface {
  name = 'CreateRegistry1795399041660';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "networks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "currency" character(3) NOT NULL, "timezone" text NOT NULL, "settlement_mode" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "networks_settlement_mode" CHECK (settlement_mode IN ('DIRECT', 'CENTRAL')), CONSTRAINT "PK_61b1ee921bf79550d9d4742b9f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "networks_slug_key" ON "networks"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "spaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "city" text NOT NULL, "country" character(2) NOT NULL, "address" text, "latitude" double precision, "longitude" double precision, "timezone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbe542974aca57afcb60709d4c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "spaces_slug_key" ON "spaces"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "role_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" text NOT NULL, "network_id" uuid, "space_id" uuid, "granted_by" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_grants_scope" CHECK ((role = 'NETWORK_ADMIN' AND network_id IS NOT NULL AND space_id IS NULL) OR (role = 'SPACE_OPERATOR' AND space_id IS NOT NULL AND network_id IS NULL)), CONSTRAINT "PK_f7cf33da46b9f884f2d459e0eff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "role_grants_network_idx" ON "role_grants"  ("network_id") `);
    await queryRunner.query(`CREATE INDEX "role_grants_space_idx" ON "role_grants"  ("space_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_grants_space_operator_key" ON "role_grants"  ("user_id", "space_id") WHERE role = 'SPACE_OPERATOR'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_grants_network_admin_key" ON "role_grants"  ("user_id", "network_id") WHERE role = 'NETWORK_ADMIN'`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "space_id" uuid NOT NULL, "status" text NOT NULL, "nomad_seats" integer, "credits_per_day" integer NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "joined_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "memberships_credits_per_day" CHECK (credits_per_day >= 1), CONSTRAINT "memberships_nomad_seats" CHECK (nomad_seats IS NULL OR nomad_seats >= 0), CONSTRAINT "memberships_status" CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "memberships_space_idx" ON "memberships"  ("space_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "memberships_network_space_key" ON "memberships"  ("network_id", "space_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "name" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organizations_network_name_key" ON "organizations"  ("network_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "scanners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f4804ec12667d305ac04219ca4f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "scanners_space_idx" ON "scanners"  ("space_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "scanners_token_hash_key" ON "scanners"  ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_network_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_space_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_network_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_space_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "organizations_network_fkey" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "scanners" ADD CONSTRAINT "scanners_space_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scanners" DROP CONSTRAINT "scanners_space_fkey"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_network_fkey"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_space_fkey"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_network_fkey"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_space_fkey"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_network_fkey"`);
    await queryRunner.query(`DROP INDEX "network"."scanners_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "network"."scanners_space_idx"`);
    await queryRunner.query(`DROP TABLE "scanners"`);
    await queryRunner.query(`DROP INDEX "network"."organizations_network_name_key"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP INDEX "network"."memberships_network_space_key"`);
    await queryRunner.query(`DROP INDEX "network"."memberships_space_idx"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "network"."role_grants_network_admin_key"`);
    await queryRunner.query(`DROP INDEX "network"."role_grants_space_operator_key"`);
    await queryRunner.query(`DROP INDEX "network"."role_grants_space_idx"`);
    await queryRunner.query(`DROP INDEX "network"."role_grants_network_idx"`);
    await queryRunner.query(`DROP TABLE "role_grants"`);
    await queryRunner.query(`DROP INDEX "network"."spaces_slug_key"`);
    await queryRunner.query(`DROP TABLE "spaces"`);
    await queryRunner.query(`DROP INDEX "network"."networks_slug_key"`);
    await queryRunner.query(`DROP TABLE "networks"`);
  }
}
