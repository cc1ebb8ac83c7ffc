#!/usr/bin/env node
// Builds the web workbench into web/dist with Vite.
//   node scripts/build-web.mjs            build now
//   node scripts/build-web.mjs --if-stale build only when web/dist is missing or older than its sources
// Concurrent callers (npm start, several test files) wait on one lock and build once.
import fs from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist', 'index.html');
const lock = path.join(os.tmpdir(), `vigil-web-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);

/** The newest modification time among the files the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'dist' && name !== 'node_modules' && !name.startsWith('.')) visit(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  visit(web);
  for (const f of ['package.json', 'package-lock.json']) {
    const p = path.join(root, f);
    if (fs.existsSync(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const isStale = () => !fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newestSource();

async function withLock(fn) {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock left by a killed build is taken over after two minutes.
      try { if (Date.now() - fs.statSync(lock).mtimeMs > 120_000) { fs.rmSync(lock, { recursive: true, force: true }); continue; } } catch { continue; }
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

const onlyIfStale = process.argv.includes('--if-stale');
if (onlyIfStale && !isStale()) process.exit(0);
await withLock(async () => {
  if (onlyIfStale && !isStale()) return;
  process.stderr.write('Building the web app (web/dist)…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  // Mark the output as newer than every source, whatever the clock of the files copied in.
  const now = new Date();
  fs.utimesSync(dist, now, now);
});
