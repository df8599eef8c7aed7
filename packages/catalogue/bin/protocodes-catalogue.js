#!/usr/bin/env node
// A committed entry point, so that pnpm can link the bin before dist/ has been built.
import '../dist/cli.js';
