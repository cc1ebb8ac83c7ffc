import os from 'node:os';
import path from 'node:path';

/** Runtime settings, read once from the environment (every variable is documented in the README). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  bodyLimit: number;
  sessionHours: number;
  cookieSecure: boolean;
  loginAttemptsPerMinute: number;
  /** Worker threads holding a replica of the screening index each; 0 keeps it in the main thread. */
  screeningWorkers: number;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env.PORT ?? env.VIGIL_PORT, 3000, 'PORT'),
    host: env.VIGIL_HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.VIGIL_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.VIGIL_LOG_LEVEL ?? 'info',
    bodyLimit: intFrom(env.VIGIL_BODY_LIMIT, 1024 * 1024, 'VIGIL_BODY_LIMIT'),
    sessionHours: intFrom(env.VIGIL_SESSION_HOURS, 12, 'VIGIL_SESSION_HOURS'),
    cookieSecure: env.VIGIL_COOKIE_SECURE === 'true',
    loginAttemptsPerMinute: intFrom(env.VIGIL_LOGIN_ATTEMPTS_PER_MINUTE, 10, 'VIGIL_LOGIN_ATTEMPTS_PER_MINUTE'),
    // Each replica holds the whole index (about 1.3 GB per million persons): two serve two cores.
    screeningWorkers: intFrom(env.VIGIL_SCREENING_WORKERS, Math.min(2, os.availableParallelism()), 'VIGIL_SCREENING_WORKERS'),
  };
}
