import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/**/*.test.ts', 'scripts/**/*.test.ts', 'extension/test/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30000,
  },
});
