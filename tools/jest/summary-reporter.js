// Writes the run's totals to tmp/test-summary/<name>.json, so .ci/run can print one closing line
// ("N passed, N failed") for all jest runs of `npm test`.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options = {}) {
    this.name = options.name ?? 'jest';
    this.dir = join(globalConfig.rootDir, 'tmp', 'test-summary');
  }

  onRunComplete(_contexts, results) {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(
      join(this.dir, `${this.name}.json`),
      JSON.stringify({ passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests }),
    );
  }
}

module.exports = SummaryReporter;
