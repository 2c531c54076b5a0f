import 'reflect-metadata';
import { runServiceCli } from '@xiaojian/service-kit';
import { capacityDatabase } from './database/database';

runServiceCli('capacity', capacityDatabase).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
