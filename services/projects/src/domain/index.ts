export * from './calendar';
export * from './project-rules';
export * from './project-phase';
export * from './progress-rules';
export * from './milestones';
