import { MigrationInterface, QueryRunner } from 'typeorm';

/** Names of counties and townships by division code (reference data maintained by administrators). */
export class DivisionNames1764000000410 implements MigrationInterface {
  name = 'DivisionNames1764000000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "division" (
      "code" text NOT NULL,
      "name" text NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_by" text NOT NULL,
      CONSTRAINT "division_code_shape" CHECK ("code" ~ '^[1-9][0-9]{5}([0-9]{3})?$'),
      CONSTRAINT "PK_1870649c4e2c6970186e055f3d2" PRIMARY KEY ("code"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "division"`);
  }
}
