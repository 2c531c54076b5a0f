import 'reflect-metadata';
import { runServiceCli } from '@xiaojian/service-kit';
import { fundingDatabase } from './database/database';

runServiceCli('funding', fundingDatabase).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
