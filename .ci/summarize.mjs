// Sums the vitest JSON reports plus the smoke checks into CI's closing line, and fails on any
// failure, any skipped test, any suite that ran no test, or any failed stage.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, extraPassed = '0', extraFailed = '0', failedStages = ''] = process.argv.slice(2);
let passed = Number(extraPassed);
let failed = Number(extraFailed);
const problems = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  console.log(
    `${file.padEnd(40)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (skipped > 0) problems.push(`${file}: ${skipped} skipped tests`);
  if (report.numTotalTests === 0) problems.push(`${file}: ran no test`);
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) {
    failed += report.numFailedTestSuites;
    problems.push(`${file}: ${report.numFailedTestSuites} suites failed to run`);
  }
}
if (failedStages.trim()) problems.push(`failed stages: ${failedStages}`);
for (const problem of problems) console.log(`✗ ${problem}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
