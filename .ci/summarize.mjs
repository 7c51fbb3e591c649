// Prints "tests: N passed, N failed, N skipped" from the vitest and Playwright JSON reports written under CI.
import fs from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null)

// Vitest writes one report per config: unit (test:unit) and cluster (test:cluster).
const unit = read('reports/unit.json')
const cluster = read('reports/cluster.json')
for (const report of [unit, cluster]) {
  if (!report) continue
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
const e2e = read('reports/e2e.json')
if (e2e) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0)
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
console.log(`unit: ${unit ? 'reported' : 'no report'}; e2e: ${e2e ? 'reported' : 'no report'}; cluster: ${cluster ? 'reported' : 'no report'}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
