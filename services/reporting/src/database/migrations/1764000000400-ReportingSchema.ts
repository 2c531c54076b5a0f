import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting service's own tables: the event log, the read models built from it, issued
 * bulletins (immutable: a trigger refuses UPDATE and DELETE), subscribers and deliveries.
 */
export class ReportingSchema1764000000400 implements MigrationInterface {
  name = 'ReportingSchema1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bulletin" (
      "id" uuid NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text,
      "scope_code" text NOT NULL,
      "month" text NOT NULL,
      "version" integer NOT NULL,
      "document" jsonb NOT NULL,
      "content_hash" text NOT NULL,
      "figures_hash" text NOT NULL,
      "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "changes" jsonb,
      CONSTRAINT "bulletin_version_key" UNIQUE ("county_code", "scope_code", "month", "version"),
      CONSTRAINT "PK_9803a6af5584494eeb1b150fb98" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "bulletin_township_idx" ON "bulletin" ("township_code", "month")`);
    await queryRunner.query(`CREATE TABLE "subscriber" (
      "id" uuid NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "target" text NOT NULL,
      "secret" text,
      "format" text NOT NULL,
      "language" text NOT NULL,
      "active" boolean NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_1c52b7ddbaf79cd2650045b79c7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "subscriber_scope_idx" ON "subscriber" ("county_code", "township_code")`);
    await queryRunner.query(`CREATE TABLE "delivery" (
      "id" uuid NOT NULL,
      "bulletin_id" uuid NOT NULL,
      "subscriber_id" uuid NOT NULL,
      "status" text NOT NULL,
      "attempts" integer NOT NULL,
      "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "delivery_bulletin_subscriber_key" UNIQUE ("bulletin_id", "subscriber_id"),
      CONSTRAINT "PK_ffad7bf84e68716cd9af89003b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "delivery_subscriber_idx" ON "delivery" ("subscriber_id")`);
    await queryRunner.query(`CREATE TABLE "reporting_event" (
      "seq" BIGSERIAL NOT NULL,
      "event_id" text NOT NULL,
      "type" text NOT NULL,
      "subject" text NOT NULL,
      "source" text NOT NULL,
      "event_time" TIMESTAMP WITH TIME ZONE NOT NULL,
      "business_date" date NOT NULL,
      "county_code" text,
      "township_code" text,
      "project_id" uuid,
      "payload" jsonb NOT NULL,
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_754572d91c8fc55b2bf8244637f" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "reporting_event_event_id_key" ON "reporting_event" ("event_id")`);
    await queryRunner.query(`CREATE INDEX "reporting_event_project_idx" ON "reporting_event" ("project_id")`);
    await queryRunner.query(`CREATE INDEX "reporting_event_county_idx" ON "reporting_event" ("county_code", "business_date")`);
    await queryRunner.query(`CREATE INDEX "reporting_event_replay_idx" ON "reporting_event" ("business_date", "seq")`);
    await queryRunner.query(`CREATE TABLE "rm_project" (
      "project_id" uuid NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text NOT NULL,
      "code" text,
      "kind" text,
      "school_code" text,
      "school_name" text,
      "school_level" text,
      "ownership" text,
      "registered_on" date,
      "registered_event_id" text,
      "name" text,
      "planned_investment_fen" bigint,
      "planned_floor_area" double precision,
      "planned_seats" integer,
      "planned_start_date" date,
      "planned_completion_date" date,
      "programme_year" integer,
      "programme_name" text,
      "planned_milestones" jsonb,
      "figures_seq" bigint NOT NULL DEFAULT '0',
      "figures_event_id" text,
      "phase" text,
      "reached_on" jsonb,
      "latest_percent" double precision,
      "last_report_month" text,
      "accepted_on" date,
      "final_cost_fen" bigint,
      CONSTRAINT "PK_0d37909c9efdec783e73c72ee17" PRIMARY KEY ("project_id"))`);
    await queryRunner.query(`CREATE INDEX "rm_project_township_idx" ON "rm_project" ("county_code", "township_code")`);
    await queryRunner.query(`CREATE TABLE "rm_phase_event" (
      "event_id" text NOT NULL,
      "project_id" uuid NOT NULL,
      "seq" bigint NOT NULL,
      "business_date" date NOT NULL,
      "to_phase" text NOT NULL,
      "kind" text NOT NULL,
      CONSTRAINT "PK_e6a2126803cc7523260572c66fb" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`CREATE INDEX "rm_phase_event_project_idx" ON "rm_phase_event" ("project_id", "business_date")`);
    await queryRunner.query(`CREATE TABLE "rm_progress" (
      "project_id" uuid NOT NULL,
      "month" text NOT NULL,
      "percent" double precision NOT NULL,
      "reported_on" date NOT NULL,
      "seq" bigint NOT NULL,
      "event_id" text NOT NULL,
      CONSTRAINT "PK_a9d07cdd5740c59beb9022db081" PRIMARY KEY ("project_id", "month"))`);
    await queryRunner.query(`CREATE TABLE "rm_ledger" (
      "entry_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "kind" text NOT NULL,
      "project_id" uuid NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text NOT NULL,
      "source" text NOT NULL,
      "fiscal_year" integer NOT NULL,
      "entry_date" date NOT NULL,
      "amount_fen" bigint NOT NULL,
      "allocation_id" uuid,
      "original_entry_id" uuid,
      "original_kind" text,
      CONSTRAINT "PK_63bd3fcfb158bd9d9484fb268fb" PRIMARY KEY ("entry_id"))`);
    await queryRunner.query(`CREATE INDEX "rm_ledger_scope_idx" ON "rm_ledger" ("county_code", "township_code", "entry_date")`);
    await queryRunner.query(`CREATE TABLE "rm_seats" (
      "project_id" uuid NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text NOT NULL,
      "school_code" text NOT NULL,
      "level" text NOT NULL,
      "ownership" text NOT NULL,
      "delivered_seats" integer NOT NULL,
      "delivered_on" date NOT NULL,
      "source_rank" integer NOT NULL,
      "seq" bigint NOT NULL,
      "event_id" text NOT NULL,
      CONSTRAINT "PK_a7080a9b002c49084c8f8e2f835" PRIMARY KEY ("project_id"))`);
    await queryRunner.query(`CREATE INDEX "rm_seats_scope_idx" ON "rm_seats" ("county_code", "township_code")`);
    await queryRunner.query(`CREATE TABLE "rm_seat_target" (
      "county_code" text NOT NULL,
      "township_code" text NOT NULL,
      "year" integer NOT NULL,
      "level" text NOT NULL,
      "ownership" text NOT NULL,
      "seats" integer NOT NULL,
      "target_id" uuid NOT NULL,
      "set_on" date NOT NULL,
      "seq" bigint NOT NULL,
      "event_id" text NOT NULL,
      CONSTRAINT "PK_597869605f893d0bbf3391f8aa6" PRIMARY KEY ("county_code", "township_code", "year", "level", "ownership"))`);
    await queryRunner.query(`CREATE INDEX "rm_seat_target_scope_idx" ON "rm_seat_target" ("county_code", "year")`);
    await queryRunner.query(`CREATE TABLE "rm_enrolment" (
      "school_code" text NOT NULL,
      "term" text NOT NULL,
      "county_code" text NOT NULL,
      "township_code" text NOT NULL,
      "level" text NOT NULL,
      "ownership" text NOT NULL,
      "reported_on" date NOT NULL,
      "classes" integer NOT NULL,
      "pupils" integer NOT NULL,
      "large_classes" integer NOT NULL,
      "very_large_classes" integer NOT NULL,
      "seat_gap_no_large_classes" integer NOT NULL,
      "seat_gap_standard_size" integer NOT NULL,
      "seq" bigint NOT NULL,
      "event_id" text NOT NULL,
      CONSTRAINT "PK_d137b9bb006cb81a5c876da4d6b" PRIMARY KEY ("school_code", "term"))`);
    await queryRunner.query(`CREATE INDEX "rm_enrolment_scope_idx" ON "rm_enrolment" ("county_code", "township_code")`);
    await queryRunner.query(`ALTER TABLE "delivery" ADD CONSTRAINT "FK_f4a516b1cb3f450c835de4689c5" FOREIGN KEY ("bulletin_id") REFERENCES "bulletin"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "delivery" ADD CONSTRAINT "FK_af2fa785b30fbcbdaeacd5e6da8" FOREIGN KEY ("subscriber_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION "bulletin_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued bulletins are immutable: issue a new version instead' USING ERRCODE = 'check_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "bulletin_immutable" BEFORE UPDATE OR DELETE ON "bulletin" FOR EACH ROW EXECUTE FUNCTION "bulletin_immutable"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "bulletin_immutable" ON "bulletin"`);
    await queryRunner.query(`DROP FUNCTION "bulletin_immutable"()`);
    for (const table of ['delivery', 'subscriber', 'bulletin', 'rm_enrolment', 'rm_seat_target', 'rm_seats', 'rm_ledger', 'rm_progress', 'rm_phase_event', 'rm_project', 'reporting_event']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
