import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { MESSAGING_ENTITIES, MessagingTables1764000000000 } from '@xiaojian/messaging';

export interface ServiceDatabase {
  /** The service's own entities; the messaging tables are added here. */
  entities: MixedList<string | EntitySchema | (new (...args: any[]) => unknown)>;
  /** The service's own migrations, in order; the messaging migration runs first. */
  migrations: (new () => unknown)[];
}

/** Migrations only, never `synchronize`; every service's tables live in its own database. */
export function postgresOptions(url: string, database: ServiceDatabase, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...MESSAGING_ENTITIES, ...(database.entities as never[])],
    migrations: [MessagingTables1764000000000, ...database.migrations],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}
