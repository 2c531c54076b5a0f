import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@xiaojian/platform';
import { AppModule, REPORTING_SERVICE } from './app.module';
import { reportingConfigSchema } from './config';

const config = loadConfig(reportingConfigSchema);
void bootstrapService({ ...REPORTING_SERVICE, module: AppModule.forRoot(config) });
