import 'reflect-metadata';
import { runServiceCli } from '@xiaojian/service-kit';
import { reportingDatabase } from './database/database';

runServiceCli('reporting', reportingDatabase).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
