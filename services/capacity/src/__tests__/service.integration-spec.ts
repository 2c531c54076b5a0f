import { describeServiceBasics } from '@xiaojian/service-testing';
import { AppModule, CAPACITY_SERVICE } from '../app.module';
import { capacityConfigSchema } from '../config';
import { capacityDatabase } from '../database/database';

describeServiceBasics({
  service: 'capacity',
  configSchema: capacityConfigSchema,
  createModule: AppModule.forRoot,
  database: capacityDatabase,
  swagger: CAPACITY_SERVICE,
  readinessChecks: ['consumer', 'kafka', 'postgres'],
});
