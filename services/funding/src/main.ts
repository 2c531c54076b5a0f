import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@xiaojian/platform';
import { AppModule, FUNDING_SERVICE } from './app.module';
import { fundingConfigSchema } from './config';

const config = loadConfig(fundingConfigSchema);
void bootstrapService({ ...FUNDING_SERVICE, module: AppModule.forRoot(config) });
