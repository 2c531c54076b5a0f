import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@xiaojian/service-kit';
import { ProjectsConfig } from './config';
import { projectsDatabase } from './database/database';
import { ProjectsModule } from './projects/projects.module';

export const PROJECTS_SERVICE = {
  service: 'projects',
  defaultPort: 3001,
  title: '校建 · 项目服务 (projects)',
  description: '项目登记、阶段流转、里程碑与月度形象进度。Project registry, lifecycle, milestones and monthly progress.',
} as const;

@Module({})
export class AppModule {
  static forRoot(config: ProjectsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: 'projects',
          config,
          database: projectsDatabase,
        }),
        ProjectsModule,
      ],
    };
  }
}
