import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox, inbox and dead-letter tables; every service lists this migration first. */
export class MessagingTables1764000000000 implements MigrationInterface {
  name = 'MessagingTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox_event" (
      "seq" BIGSERIAL NOT NULL,
      "event_id" uuid NOT NULL,
      "topic" text NOT NULL,
      "message_key" text NOT NULL,
      "event_type" text NOT NULL,
      "headers" jsonb NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_8b2ec32e4ede6bb674633367acb" PRIMARY KEY ("seq"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event" ("event_id")`);
    await queryRunner.query(`CREATE INDEX "outbox_event_published_at_idx" ON "outbox_event" ("published_at")`);
    await queryRunner.query(`CREATE INDEX "outbox_event_pending_idx" ON "outbox_event" ("seq") WHERE "published_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "inbox_message" (
      "consumer" text NOT NULL,
      "event_id" text NOT NULL,
      "event_type" text NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "offset" bigint NOT NULL,
      "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_1903d5e8ceff1afd23054ad3baa" PRIMARY KEY ("consumer", "event_id"))`);
    await queryRunner.query(`CREATE TABLE "dead_letter" (
      "id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "event_id" text,
      "event_type" text,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "offset" bigint NOT NULL,
      "message_key" text,
      "headers" jsonb NOT NULL,
      "payload" text,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "replayed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "dead_letter_source_key" UNIQUE ("consumer", "topic", "partition", "offset"),
      CONSTRAINT "PK_e51e9e534cd18984b2aad76403c" PRIMARY KEY ("id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dead_letter"`);
    await queryRunner.query(`DROP TABLE "inbox_message"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
  }
}
