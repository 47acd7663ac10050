import { defineConfig } from 'vitest/config';

// The unit tests Stryker runs against each mutant (stryker.config.mjs): those of the pure modules,
// without the ones that start CLIs (tests/unit/scripts, new-report), read the whole bundled
// dataset (dataset-content) or generate hundreds of files (validate-property): they take most
// of the unit run's minute, and each mutant runs every test that reaches its line.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: [
      'tests/unit/scripts/**',
      'tests/unit/data/dataset-content.test.ts',
      'tests/unit/data/new-report.test.ts',
      'tests/unit/workflows.test.ts',
      // fast-check runs hundreds of generated files per property: seconds per mutant, and the
      // rules it exercises are each covered by every-rule.test.ts and bad-files.test.ts.
      'tests/unit/data/validate-property.test.ts',
    ],
    environment: 'node',
    // every-rule.test.ts's completeness check reads the source, which Stryker has instrumented.
    env: { MUTATION_RUN: '1' },
  },
});
