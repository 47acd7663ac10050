// @ts-check
/**
 * Mutation testing (npm run test:mutation; not part of npm test): StrykerJS changes the pure
 * modules one small edit at a time (a < into <=, a string emptied, a branch removed) and runs the
 * unit tests that cover each change; a mutant the tests do not notice "survives". Scores per
 * module and what the survivors mean: docs/testing.md. Pass other files with --mutate.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/data/categories.ts',
    'src/data/timeline.ts',
    'src/data/compare/compare.ts',
    'src/data/validate/validate-fields.ts',
    'src/data/validate/validate-topology.ts',
    'src/lib/*.ts',
    'src/state/url.ts',
  ],  // A mutant in module-level code (a constant table, a regular expression) is "static": it
  // needs every test re-run in a fresh process, which made a quarter of the mutants take 98% of
  // the time (about 20 s each, hours on two cores). They are left out of the score; the tables
  // they would change are checked by tests that read them (docs/testing.md).
  ignoreStatic: true,
  // The machine is shared: two test processes at most.
  concurrency: 2,
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  timeoutMS: 20000,
  thresholds: { high: 90, low: 80, break: null },
};
