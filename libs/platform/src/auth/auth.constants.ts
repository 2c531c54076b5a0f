export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** HS256 secret (config JWT_SECRET). */
  secret: string;
}

export const IS_PUBLIC_KEY = 'xiaojian:auth:public';
export const ROLES_KEY = 'xiaojian:auth:roles';
