import { ServiceDatabase } from '@xiaojian/service-kit';

/** The reporting service's tables: entities and the migrations that create them, in order. */
export const reportingDatabase: ServiceDatabase = {
  entities: [],
  migrations: [],
};
