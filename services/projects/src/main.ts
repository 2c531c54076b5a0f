import 'reflect-metadata';
import { bootstrapService, loadConfig } from '@xiaojian/platform';
import { AppModule, PROJECTS_SERVICE } from './app.module';
import { projectsConfigSchema } from './config';

const config = loadConfig(projectsConfigSchema);
void bootstrapService({ ...PROJECTS_SERVICE, module: AppModule.forRoot(config) });
