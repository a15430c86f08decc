import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttemptsInFlight1795440000000 implements MigrationInterface {
  name = 'LoginAttemptsInFlight1795440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts"."login_failures" ADD "pending" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts"."login_failures" DROP COLUMN "pending"`);
  }
}
