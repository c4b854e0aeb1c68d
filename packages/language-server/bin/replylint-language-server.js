#!/usr/bin/env node
// The server is one esbuild bundle (dist/server.cjs, built by scripts/build.ts on install).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/server.cjs');
