import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { loadConfig, postgresUrl } from '@xiaojian/platform';
import { postgresOptions, runServiceCli } from '@xiaojian/service-kit';
import { reportingDatabase } from './database/database';
import { rebuildReadModels } from './rebuild/rebuild-read-models';

/** `rebuild`: replays the event log into fresh read models; every other command is the service kit's. */
async function main(argv = process.argv.slice(2)): Promise<void> {
  if (argv[0] !== 'rebuild') {
    await runServiceCli('reporting', reportingDatabase, argv);
    if (!argv[0]) console.log('  rebuild            rebuild all read models from the event log (reporting_event)');
    return;
  }
  const config = loadConfig(z.object({ DATABASE_URL: postgresUrl() }));
  const dataSource = await new DataSource({ ...postgresOptions(config.DATABASE_URL, reportingDatabase, 2), logging: ['error'] }).initialize();
  try {
    await rebuildReadModels(dataSource, { print: (line) => console.log(line) });
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
