#!/usr/bin/env node
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`replylint: interner Fehler: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
