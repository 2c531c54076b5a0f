export * from './school-level';
export * from './ratio';
export * from './seats';
export * from './seat-pipeline';
export * from './class-size';
export * from './enrolment-rules';
export * from './capacity';
export * from './figures';
