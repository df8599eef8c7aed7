import { defineConfig } from 'vitest/config';

// Generous timeouts: CI runs every package's tests at once on two shared cores.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
