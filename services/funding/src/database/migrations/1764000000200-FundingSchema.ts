import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projects known from events, the append-only ledger, and idempotency records. */
export class FundingSchema1764000000200 implements MigrationInterface {
  name = 'FundingSchema1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "funding_project" ("id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "county_code" character varying(6) NOT NULL, "township_code" character varying(9) NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, "cancelled_on" date, "registered_on" date NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_df955de9c4233c5d137323a8933" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_funding_project_township" ON "funding_project" ("township_code")`);
    await q.query(`CREATE INDEX "idx_funding_project_county" ON "funding_project" ("county_code")`);

    await q.query(`CREATE TABLE "ledger_entry" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "kind" character varying(16) NOT NULL, "project_id" uuid NOT NULL, "county_code" character varying(6) NOT NULL, "township_code" character varying(9) NOT NULL, "source" character varying(32) NOT NULL, "fiscal_year" integer NOT NULL, "date" date NOT NULL, "amount_fen" bigint NOT NULL, "document_number" character varying(100), "allocation_id" uuid, "payee" character varying(200), "voucher_number" character varying(100), "purpose" character varying(500), "original_id" uuid, "original_kind" character varying(16), "reason" character varying(500), "recorded_by" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "chk_ledger_entry_kind" CHECK (kind IN ('allocation', 'disbursement', 'expenditure', 'reversal')), CONSTRAINT "chk_ledger_entry_amount_positive" CHECK (amount_fen > 0), CONSTRAINT "PK_04e9d274911f909a5848a15cd74" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "idx_ledger_entry_kind_date" ON "ledger_entry" ("kind", "date")`);
    await q.query(`CREATE INDEX "idx_ledger_entry_township" ON "ledger_entry" ("township_code")`);
    await q.query(`CREATE INDEX "idx_ledger_entry_project_seq" ON "ledger_entry" ("project_id", "seq")`);
    await q.query(`ALTER TABLE "ledger_entry" ADD CONSTRAINT "fk_ledger_entry_project" FOREIGN KEY ("project_id") REFERENCES "funding_project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ledger_entry" ADD CONSTRAINT "fk_ledger_entry_allocation" FOREIGN KEY ("allocation_id") REFERENCES "ledger_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ledger_entry" ADD CONSTRAINT "fk_ledger_entry_original" FOREIGN KEY ("original_id") REFERENCES "ledger_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Append-only: corrections are reversal entries, never edits or deletions.
    await q.query(`CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER "trg_ledger_entry_append_only" BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"()`);
    await q.query(`CREATE TRIGGER "trg_ledger_entry_no_truncate" BEFORE TRUNCATE ON "ledger_entry" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entry_append_only"()`);

    await q.query(`CREATE TABLE "idempotency_record" ("id" uuid NOT NULL, "idempotency_key" character varying(200) NOT NULL, "user_id" character varying(200) NOT NULL, "operation" character varying(32) NOT NULL, "request_hash" character varying(64) NOT NULL, "status_code" integer NOT NULL, "response_body" jsonb NOT NULL, "entry_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0dc165e218120167e4a55dcc8d4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_idempotency_record_user_key" ON "idempotency_record" ("user_id", "idempotency_key")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "idempotency_record"`);
    await q.query(`DROP TABLE "ledger_entry"`);
    await q.query(`DROP FUNCTION "ledger_entry_append_only"()`);
    await q.query(`DROP TABLE "funding_project"`);
  }
}
