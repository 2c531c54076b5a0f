import { MigrationInterface, QueryRunner } from 'typeorm';

/** Schools, the seat pipeline and its ledger, seat deliveries, capacity history, enrolment reports and seat targets. */
export class CapacitySchema1764000000300 implements MigrationInterface {
  name = 'CapacitySchema1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "school" (
      "id" uuid NOT NULL,
      "county_code" character varying(6) NOT NULL,
      "township_code" character varying(9) NOT NULL,
      "code" character varying(64) NOT NULL,
      "name" character varying(200) NOT NULL,
      "level" character varying(16) NOT NULL,
      "ownership" character varying(24) NOT NULL,
      "status" character varying(8) NOT NULL,
      "declared_capacity" integer,
      "class_capacity" integer,
      "delivered_seats" integer NOT NULL DEFAULT 0,
      "delivered_since_baseline" integer NOT NULL DEFAULT 0,
      "capacity" integer NOT NULL DEFAULT 0,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_school" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_school_county_code" ON "school" ("county_code", "code")`);
    await q.query(`CREATE INDEX "ix_school_township" ON "school" ("township_code")`);

    await q.query(`CREATE TABLE "capacity_change" (
      "id" uuid NOT NULL,
      "school_id" uuid NOT NULL,
      "seq" integer NOT NULL,
      "date" date NOT NULL,
      "previous_capacity" integer NOT NULL,
      "capacity" integer NOT NULL,
      "cause" character varying(20) NOT NULL,
      "cause_id" character varying(100) NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_capacity_change" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_capacity_change_school_seq" ON "capacity_change" ("school_id", "seq")`);
    await q.query(`ALTER TABLE "capacity_change" ADD CONSTRAINT "fk_capacity_change_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "project_seats" (
      "project_id" uuid NOT NULL,
      "school_code" character varying(64) NOT NULL,
      "county_code" character varying(6) NOT NULL,
      "township_code" character varying(9) NOT NULL,
      "level" character varying(16) NOT NULL,
      "ownership" character varying(24) NOT NULL,
      "status" character varying(12) NOT NULL,
      "planned_seats" integer NOT NULL,
      "delivered_seats" integer NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_project_seats" PRIMARY KEY ("project_id"))`);
    await q.query(`CREATE INDEX "ix_project_seats_county" ON "project_seats" ("county_code")`);

    await q.query(`CREATE TABLE "seat_ledger_entry" (
      "id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "seq" integer NOT NULL,
      "event_id" character varying(100) NOT NULL,
      "type" character varying(20) NOT NULL,
      "business_date" date NOT NULL,
      "planned_seats" integer,
      "delivered_seats" integer,
      "school_code" character varying(64) NOT NULL,
      "county_code" character varying(6) NOT NULL,
      "township_code" character varying(9) NOT NULL,
      "level" character varying(16) NOT NULL,
      "ownership" character varying(24) NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_seat_ledger_entry" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_seat_ledger_project_seq" ON "seat_ledger_entry" ("project_id", "seq")`);
    await q.query(`CREATE INDEX "ix_seat_ledger_county_date" ON "seat_ledger_entry" ("county_code", "business_date")`);

    await q.query(`CREATE TABLE "seat_delivery" (
      "project_id" uuid NOT NULL,
      "school_id" uuid NOT NULL,
      "delivered_seats" integer NOT NULL,
      "acceptance_date" date NOT NULL,
      "event_id" character varying(100) NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_seat_delivery" PRIMARY KEY ("project_id"))`);
    await q.query(`ALTER TABLE "seat_delivery" ADD CONSTRAINT "fk_seat_delivery_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "enrolment_report" (
      "id" uuid NOT NULL,
      "school_id" uuid NOT NULL,
      "term" character varying(12) NOT NULL,
      "revision" integer NOT NULL,
      "correction_reason" text,
      "reported_on" date NOT NULL,
      "grades" jsonb NOT NULL,
      "classes" integer NOT NULL,
      "pupils" integer NOT NULL,
      "class_capacity" integer NOT NULL,
      "band_normal" integer NOT NULL,
      "band_large_ish" integer NOT NULL,
      "band_large" integer NOT NULL,
      "band_very_large" integer NOT NULL,
      "seat_gap_no_large" integer NOT NULL,
      "seat_gap_standard" integer NOT NULL,
      "reported_by" character varying(200) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_enrolment_report" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_enrolment_report_school_term_revision" ON "enrolment_report" ("school_id", "term", "revision")`);
    await q.query(`ALTER TABLE "enrolment_report" ADD CONSTRAINT "fk_enrolment_report_school" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE TABLE "seat_target" (
      "id" uuid NOT NULL,
      "county_code" character varying(6) NOT NULL,
      "township_code" character varying(9),
      "year" integer NOT NULL,
      "level" character varying(16) NOT NULL,
      "ownership" character varying(24) NOT NULL,
      "seats" integer NOT NULL,
      "set_by" character varying(200) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_seat_target" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_seat_target_township" ON "seat_target" ("township_code", "year", "level", "ownership") WHERE township_code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_seat_target_county" ON "seat_target" ("county_code", "year", "level", "ownership") WHERE township_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "seat_target"`);
    await q.query(`DROP TABLE "enrolment_report"`);
    await q.query(`DROP TABLE "seat_delivery"`);
    await q.query(`DROP TABLE "seat_ledger_entry"`);
    await q.query(`DROP TABLE "project_seats"`);
    await q.query(`DROP TABLE "capacity_change"`);
    await q.query(`DROP TABLE "school"`);
  }
}
