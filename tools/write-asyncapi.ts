import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApiDocument } from '@xiaojian/contracts';

const target = join(__dirname, '..', 'libs', 'contracts', 'asyncapi.json');
writeFileSync(target, JSON.stringify(buildAsyncApiDocument(), null, 2) + '\n');
console.log(`wrote ${target}`);
