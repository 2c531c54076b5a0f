export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
