import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each desk's count of typed serials that named no pass in the current minute (the check-in's cap). */
export class DeskSerialMisses1796162135067 implements MigrationInterface {
  name = 'DeskSerialMisses1796162135067';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "desk_serial_misses" ("desk_id" uuid NOT NULL, "minute" TIMESTAMP WITH TIME ZONE NOT NULL, "misses" integer NOT NULL, CONSTRAINT "PK_76345332f536aa860b49467a90d" PRIMARY KEY ("desk_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "desk_serial_misses"`);
  }
}
