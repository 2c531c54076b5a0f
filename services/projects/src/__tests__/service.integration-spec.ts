import { describeServiceBasics } from '@xiaojian/service-testing';
import { AppModule, PROJECTS_SERVICE } from '../app.module';
import { projectsConfigSchema } from '../config';
import { projectsDatabase } from '../database/database';

describeServiceBasics({
  service: 'projects',
  configSchema: projectsConfigSchema,
  createModule: AppModule.forRoot,
  database: projectsDatabase,
  swagger: PROJECTS_SERVICE,
  readinessChecks: ['kafka', 'postgres'],
});
