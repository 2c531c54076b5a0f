import { ServiceDatabase } from '@xiaojian/service-kit';

/** The projects service's tables: entities and the migrations that create them, in order. */
export const projectsDatabase: ServiceDatabase = {
  entities: [],
  migrations: [],
};
