import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The embedded database can be opened by one process only. While the server runs it leaves
 * its port and a secret (readable by its own user only) in the data directory, so CLI
 * commands like `vigil backup` can ask the running server to do the work.
 */
export interface LocalControl { port: number; secret: string; pid: number }

const fileOf = (dataDir: string) => path.join(dataDir, 'server.json');

export function writeLocalControl(dataDir: string, port: number): LocalControl {
  const control = { port, secret: randomBytes(32).toString('hex'), pid: process.pid };
  fs.writeFileSync(fileOf(dataDir), JSON.stringify(control), { mode: 0o600 });
  return control;
}

export function removeLocalControl(dataDir: string): void {
  fs.rmSync(fileOf(dataDir), { force: true });
}

export function readLocalControl(dataDir: string): LocalControl | undefined {
  try {
    const control = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as LocalControl;
    process.kill(control.pid, 0);
    return control;
  } catch {
    return undefined;
  }
}

export function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
