import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests of the repository's own tooling (release and CI set-up), kept apart from the packages'
// suites that turbo runs.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['*.test.mjs'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
