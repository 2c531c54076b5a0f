import { z } from 'zod';
import { serviceConfigShape } from '@xiaojian/service-kit';

export const projectsConfigSchema = z.object({ ...serviceConfigShape });

export type ProjectsConfig = z.output<typeof projectsConfigSchema>;
