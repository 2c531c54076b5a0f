import { ServiceDatabase } from '@xiaojian/service-kit';

/** The capacity service's tables: entities and the migrations that create them, in order. */
export const capacityDatabase: ServiceDatabase = {
  entities: [],
  migrations: [],
};
