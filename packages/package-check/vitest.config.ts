import { defineConfig } from 'vitest/config';

// Packing runs each package's build (cached) and installing reads the pnpm store: slow on a busy
// machine, so the timeouts are generous; a hang still fails.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 300_000 } });
