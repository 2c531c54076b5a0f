/*
 * jest applies moduleNameMapper only inside test environments; globalSetup and globalTeardown are
 * loaded with plain Node resolution (though still transformed by swc). This maps the workspace's
 * tsconfig path aliases (@xiaojian/*) for them. Import it before anything that uses an alias.
 */
import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');
const config = loadConfig(workspaceRoot);
if (config.resultType === 'failed') {
  throw new Error(`cannot read the tsconfig path aliases in ${workspaceRoot}: ${config.message}`);
}
register({ baseUrl: config.absoluteBaseUrl, paths: config.paths, addMatchAll: false });
