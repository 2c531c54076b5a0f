import { Module } from '@nestjs/common';
import { FundingProjectRepository } from './funding-project.repository';
import { ProjectEventsHandlers } from './project-events.handlers';

/** The local projection of projects, fed only by the projects service's events. */
@Module({
  providers: [FundingProjectRepository, ProjectEventsHandlers],
  exports: [FundingProjectRepository],
})
export class ProjectsModule {}
