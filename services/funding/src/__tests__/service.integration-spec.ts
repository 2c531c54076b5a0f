import { describeServiceBasics } from '@xiaojian/service-testing';
import { AppModule, FUNDING_SERVICE } from '../app.module';
import { fundingConfigSchema } from '../config';
import { fundingDatabase } from '../database/database';

describeServiceBasics({
  service: 'funding',
  configSchema: fundingConfigSchema,
  createModule: AppModule.forRoot,
  database: fundingDatabase,
  swagger: FUNDING_SERVICE,
  readinessChecks: ['consumer', 'kafka', 'postgres'],
});
