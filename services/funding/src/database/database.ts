import { ServiceDatabase } from '@xiaojian/service-kit';

/** The funding service's tables: entities and the migrations that create them, in order. */
export const fundingDatabase: ServiceDatabase = {
  entities: [],
  migrations: [],
};
