// Resolves the workspace's @xiaojian/* imports inside the compiled output (dist/), the way
// tsconfig.base.json resolves them in the sources.
const { join } = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

register({ baseUrl: join(__dirname, '..', '..', 'dist'), paths: compilerOptions.paths });
