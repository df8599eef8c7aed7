import { defineConfig } from 'vitest/config';

// Generous timeouts: CI runs every package's tests at once on two shared cores.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
