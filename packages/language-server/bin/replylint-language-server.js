#!/usr/bin/env -S node --max-semi-space-size=1
// The server is one esbuild bundle (dist/server.cjs, built by scripts/build.ts on install).
// --max-semi-space-size=1 keeps the young generation small: RSS stays well under 100 MB with 1,000 open documents
// (editors that start the server with `node <this file>` may pass the flag themselves).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/server.cjs');
