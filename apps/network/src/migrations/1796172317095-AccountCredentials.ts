import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountCredentials1796172317095 implements MigrationInterface {
  name = 'AccountCredentials1796172317095';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_credentials" ("user_id" uuid NOT NULL, "version" integer NOT NULL, "email_verified" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_82c50ee0fcdc5cdc2f531fc9963" PRIMARY KEY ("user_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_credentials"`);
  }
}
