import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { MESSAGING_ENTITIES, MessagingTables1764000000000 } from '../../index';

class AppliedTable1764000000001 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE applied (
      id bigserial PRIMARY KEY, aggregate_id uuid NOT NULL, seq int NOT NULL, event_id text NOT NULL, applied_by text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query('DROP TABLE applied');
  }
}

export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: MESSAGING_ENTITIES,
    migrations: [MessagingTables1764000000000, AppliedTable1764000000001],
    extra: { max: 10 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

