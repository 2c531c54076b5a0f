import 'reflect-metadata';
import { runServiceCli } from '@xiaojian/service-kit';
import { projectsDatabase } from './database/database';

runServiceCli('projects', projectsDatabase).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
