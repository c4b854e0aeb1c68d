'use strict';
/** Worker-thread entry: runs dist/worker.cjs with the V8 code cache (see code-cache.cjs). */
const { join } = require('node:path');
const { loadCached } = require('./code-cache.cjs');

const loaded = loadCached(join(__dirname, '../dist/worker.cjs'));
loaded.exports.start({ saveCodeCache: () => loaded.save() });
