import { ServiceDatabase } from '@xiaojian/service-kit';
import { ProgressEvidenceEntity } from '../projects/evidence/progress-evidence.entity';
import { PhaseTransitionEntity } from '../projects/phase-transition.entity';
import { ProgressReportEntity } from '../projects/progress-report.entity';
import { ProjectEntity } from '../projects/project.entity';
import { ProjectsSchema1764000000100 } from './migrations/1764000000100-ProjectsSchema';

/** The projects service's tables: entities and the migrations that create them, in order. */
export const projectsDatabase: ServiceDatabase = {
  entities: [ProjectEntity, PhaseTransitionEntity, ProgressReportEntity, ProgressEvidenceEntity],
  migrations: [ProjectsSchema1764000000100],
};
