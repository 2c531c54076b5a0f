import { Module } from '@nestjs/common';
import { Clock } from './clock';
import { EvidenceService } from './evidence/evidence.service';
import { ProjectImportController } from './import/project-import.controller';
import { ProjectImportService } from './import/project-import.service';
import { ProgressService } from './progress.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';
import { TransitionsService } from './transitions.service';

@Module({
  // The import/export controller first: its fixed paths must win over `projects/:id`.
  controllers: [ProjectImportController, ProjectsController],
  providers: [Clock, ProjectsRepository, ProjectsService, TransitionsService, ProgressService, EvidenceService, ProjectImportService],
  exports: [ProjectsService, ProjectsRepository, Clock],
})
export class ProjectsModule {}
