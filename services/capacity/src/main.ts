import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@xiaojian/platform';
import { AppModule, CAPACITY_SERVICE } from './app.module';
import { capacityConfigSchema } from './config';

const config = loadConfig(capacityConfigSchema);
void bootstrapService({ ...CAPACITY_SERVICE, module: AppModule.forRoot(config) });
