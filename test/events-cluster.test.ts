import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { closePlatform, openPlatform } from '../src/platform/boot.ts';
import { systemActor, type Role } from '../src/platform/access/actor.ts';
import { makeServices } from '../src/services.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { freshPostgresDatabase, TEST_PASSWORD } from './support/world.ts';

// Two API processes on one PostgreSQL: an event raised in either reaches SSE clients of both,
// carried by LISTEN/NOTIFY. Only PostgreSQL has more than one process on a database.

interface Received { type: string; recordId: string | null; payload: Record<string, unknown> }

/** Reads a process's /api/v1/events as a browser would; resolves once the stream is subscribed. */
async function openEvents(baseUrl: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const received: Received[] = [];
  let buffer = '';
  let connected = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.startsWith(': connected')) connected = true;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) received.push(JSON.parse(data) as Received);
        }
      }
    } catch { /* aborted */ }
  })();
  const until = async <T>(probe: () => T | undefined, ms: number): Promise<T | undefined> => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) {
      const v = probe();
      if (v !== undefined) return v;
    }
    return probe();
  };
  await until(() => (connected ? true : undefined), 5000);
  return {
    received,
    next: (type: string, recordId: string, ms = 5000) => until(() => received.find((e) => e.type === type && e.recordId === recordId), ms),
    close: () => abort.abort(),
  };
}

const red = (name: string) => ({
  kind: 'red',
  subject: {
    names: [{ value: name, kind: 'primary', script: 'Latn' }], sex: 'male', datesOfBirth: ['1978-02-03'], nationalities: ['FRA'],
    identifiers: [{ type: 'passport', value: '18AB12345', country: 'FRA' }], distinguishingMarks: [], photoRefs: [],
  },
  offence: { description: 'Smuggling of migrants by sea causing death', law: 'CESEDA art. L823-1', penaltyMax: { years: 10 }, committedIn: ['FRA'] },
  legalBasis: { kind: 'arrest_warrant', reference: 'MA-2024/77', issuingAuthority: 'Tribunal judiciaire de Lille', dateIssued: '2024-05-06' },
  extraditionIntent: true,
});

describe.skipIf(!process.env.VIGIL_TEST_DATABASE_URL)('events across two API processes on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  const servers: ServerProcess[] = [];
  const streams: { close: () => void }[] = [];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await freshPostgresDatabase();
    // Users and tokens come first, from this process; the servers find them in the database.
    const platform = await openPlatform({ ...loadConfig({}), databaseUrl: db.url, logLevel: 'silent' });
    try {
      const services = makeServices(platform);
      await services.identity.seedOrganisations();
      const users: [string, string, Role[]][] = [['fra.officer', 'NCB-FRA', ['officer']], ['ita.officer', 'NCB-ITA', ['officer']], ['sg.reviewer', 'SECRETARIAT', ['reviewer']]];
      for (const [username, orgId, roles] of users) {
        await services.identity.createUser(systemActor('test'), { username, displayName: username, orgId, roles, password: TEST_PASSWORD });
        tokens[username] = (await services.identity.issueToken(systemActor('test'), { username, name: 'cluster test' })).token;
      }
    } finally {
      await closePlatform(platform);
    }
    const env = { DATABASE_URL: db.url, VIGIL_LOG_LEVEL: 'warn' };
    servers.push(...(await Promise.all([startServerProcess('serve', env), startServerProcess('serve', env)])));
  }, 180_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  }, 60_000);

  /** Requests a red notice as France and has the secretariat publish it, all through one process. */
  async function publishThrough(server: ServerProcess, name: string): Promise<string> {
    const call = async (user: string, path: string, body: unknown = {}) => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method: 'POST', headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      const json = await res.json() as { id: string };
      expect(res.status, `${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
      return json;
    };
    const { id } = await call('fra.officer', '/notices', { notice: red(name) });
    await call('fra.officer', `/notices/${id}/submit`);
    await call('sg.reviewer', `/notices/${id}/take-under-review`);
    await call('sg.reviewer', `/notices/${id}/publish`);
    return id;
  }

  it('delivers a notice published through one process to an SSE client of the other, both ways', async () => {
    const [one, two] = servers;
    const italyOnOne = await openEvents(one.url, tokens['ita.officer']);
    const italyOnTwo = await openEvents(two.url, tokens['ita.officer']);
    streams.push(italyOnOne, italyOnTwo);

    const first = await publishThrough(one, 'Laurent Delattre');
    const remote = await italyOnTwo.next('notice.published', first);
    expect(remote?.payload, `process 2 output:\n${two.output()}`).toMatchObject({ id: first, kind: 'red', owner: 'NCB-FRA', title: 'Red notice: Laurent Delattre' });
    expect(await italyOnOne.next('notice.published', first)).toBeDefined();

    const second = await publishThrough(two, 'Mathis Vandamme');
    expect((await italyOnOne.next('notice.published', second))?.payload, `process 1 output:\n${one.output()}`).toMatchObject({ id: second });

    // Each event arrives once per client, whichever process raised it.
    expect(italyOnTwo.received.filter((e) => e.recordId === first && e.type === 'notice.published')).toHaveLength(1);
    expect(italyOnOne.received.filter((e) => e.recordId === second && e.type === 'notice.published')).toHaveLength(1);
  });
});
