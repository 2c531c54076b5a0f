import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects, their phase transitions, monthly progress reports and progress evidence. */
export class ProjectsSchema1764000000100 implements MigrationInterface {
  name = 'ProjectsSchema1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "project" (
      "id" uuid NOT NULL,
      "code" text NOT NULL,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "school_code" text NOT NULL,
      "school_name" text NOT NULL,
      "school_level" text NOT NULL,
      "ownership" text NOT NULL,
      "county_code" character varying(6) NOT NULL,
      "township_code" character varying(9) NOT NULL,
      "planned_investment_fen" bigint NOT NULL,
      "planned_floor_area" numeric(12,2) NOT NULL,
      "planned_seats" integer NOT NULL,
      "planned_start_date" date NOT NULL,
      "planned_completion_date" date NOT NULL,
      "programme_year" integer NOT NULL,
      "programme_name" text NOT NULL DEFAULT '',
      "notes" text NOT NULL DEFAULT '',
      "planned_milestones" jsonb NOT NULL,
      "phase" text NOT NULL,
      "phase_since" date NOT NULL,
      "suspended_from" text,
      "registered_on" date NOT NULL,
      "contractor" text,
      "contract_amount_fen" bigint,
      "actual_start_date" date,
      "acceptance_date" date,
      "delivered_seats" integer,
      "delivered_floor_area" numeric(12,2),
      "final_cost_fen" bigint,
      "latest_progress_month" character varying(7),
      "latest_progress_percent" numeric(4,1),
      "version" integer NOT NULL,
      "created_by_id" text NOT NULL,
      "created_by_name" text NOT NULL,
      "updated_by_id" text NOT NULL,
      "updated_by_name" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "project_county_code_key" ON "project" ("county_code", "code")`);
    await queryRunner.query(`CREATE INDEX "project_township_idx" ON "project" ("township_code")`);
    await queryRunner.query(`CREATE INDEX "project_county_phase_idx" ON "project" ("county_code", "phase")`);

    await queryRunner.query(`CREATE TABLE "project_phase_transition" (
      "id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "sequence" integer NOT NULL,
      "kind" text NOT NULL,
      "from_phase" text NOT NULL,
      "to_phase" text NOT NULL,
      "business_date" date NOT NULL,
      "reason" text,
      "contractor" text,
      "contract_amount_fen" bigint,
      "actual_start_date" date,
      "acceptance_date" date,
      "delivered_seats" integer,
      "delivered_floor_area" numeric(12,2),
      "final_cost_fen" bigint,
      "actor_id" text NOT NULL,
      "actor_name" text NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_project_phase_transition" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "project_phase_transition_sequence_key" ON "project_phase_transition" ("project_id", "sequence")`);
    await queryRunner.query(`ALTER TABLE "project_phase_transition" ADD CONSTRAINT "project_phase_transition_project_fk"
      FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE TABLE "project_progress_report" (
      "id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "month" character varying(7) NOT NULL,
      "revision" integer NOT NULL,
      "percent" numeric(4,1) NOT NULL,
      "previous_percent" numeric(4,1),
      "narrative" text NOT NULL,
      "correction" boolean NOT NULL,
      "reason" text,
      "reported_on" date NOT NULL,
      "reported_by_id" text NOT NULL,
      "reported_by_name" text NOT NULL,
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_project_progress_report" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "project_progress_report_revision_key" ON "project_progress_report" ("project_id", "month", "revision")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "project_progress_report_original_key" ON "project_progress_report" ("project_id", "month") WHERE "correction" = false`);
    await queryRunner.query(`ALTER TABLE "project_progress_report" ADD CONSTRAINT "project_progress_report_project_fk"
      FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE TABLE "project_progress_evidence" (
      "id" uuid NOT NULL,
      "project_id" uuid NOT NULL,
      "month" character varying(7) NOT NULL,
      "file_name" text NOT NULL,
      "content_type" text NOT NULL,
      "size_bytes" integer NOT NULL,
      "sha256" character varying(64) NOT NULL,
      "content" bytea NOT NULL,
      "uploaded_by_id" text NOT NULL,
      "uploaded_by_name" text NOT NULL,
      "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_project_progress_evidence" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "project_progress_evidence_month_idx" ON "project_progress_evidence" ("project_id", "month")`);
    await queryRunner.query(`ALTER TABLE "project_progress_evidence" ADD CONSTRAINT "project_progress_evidence_project_fk"
      FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "project_progress_evidence"`);
    await queryRunner.query(`DROP TABLE "project_progress_report"`);
    await queryRunner.query(`DROP TABLE "project_phase_transition"`);
    await queryRunner.query(`DROP TABLE "project"`);
  }
}
