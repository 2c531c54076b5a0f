import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints a would-be file through the real ESLint config and returns the boundary errors it reports. */
function boundaryErrors(filePath: string, code: string): string[] {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('Nx module boundaries (enforced by npm run lint)', () => {
  beforeAll(() => {
    // The rule reads the cached project graph; `npm run lint` builds it the same way.
    execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, stdio: 'ignore' });
  });

  it('refuses a service importing another service', () => {
    const errors = boundaryErrors('services/funding/src/leak.ts', "import { AppModule } from '../../projects/src/app.module';\nexport const leak = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  }, 60000);

  it('refuses a library importing a service', () => {
    const errors = boundaryErrors('libs/messaging/src/leak.ts', "import { AppModule } from '../../../services/projects/src/app.module';\nexport const leak = AppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  }, 60000);

  it('refuses the contracts library depending on the platform layer', () => {
    const errors = boundaryErrors('libs/contracts/src/leak.ts', "import { ProblemException } from '@xiaojian/platform';\nexport const leak = ProblemException;\n");
    expect(errors.join('\n')).toMatch(/type:contracts/);
  }, 60000);

  it('lets a service use the shared libraries', () => {
    const errors = boundaryErrors('services/funding/src/fine.ts', "import { TOPICS } from '@xiaojian/contracts';\nexport const fine = TOPICS;\n");
    expect(errors).toEqual([]);
  }, 60000);
});
