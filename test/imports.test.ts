import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startWorld, type TestUser, type World } from './support/world.ts';

const line = (name: string, extra: Record<string, unknown> = {}) => JSON.stringify({ person: { names: [{ value: name, kind: 'primary' }], ...extra } });

describe.each(engines())('bulk import and export on %s', (engine) => {
  let w: World;
  let fra: TestUser;
  let ita: TestUser;
  const count = async () => (await w.platform.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  beforeAll(async () => {
    w = await startWorld(engine);
    fra = await w.user('fra.officer', 'NCB-FRA', ['officer']);
    ita = await w.user('ita.officer', 'NCB-ITA', ['officer']);
  });
  afterAll(async () => { await w?.close(); });

  const post = (user: TestUser, kind: string, body: string, type: string, query = '') =>
    w.call(user, 'POST', `/api/v1/imports/${kind}${query}`, body, { 'content-type': type });

  it('stores a clean NDJSON file and reports progress', async () => {
    const before = Number(await count());
    const text = ['Amina Yusuf', 'Олег Петров', 'Chen Wei'].map((n) => line(n, { birthDates: ['1990'] })).join('\n');
    const r = await post(fra, 'persons', text, 'application/x-ndjson');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ lines: 3, stored: 3, errors: [] });
    expect(Number(await count())).toBe(before + 3);
    const progress = await w.platform.db.selectFrom('events').select('payload').where('type', '=', 'import.progress').execute();
    expect(progress.at(-1)?.payload).toMatchObject({ done: 3, total: 3 });
  });

  it('rejects a batch with any error, reports every error by line and field, and keeps earlier batches', async () => {
    const before = Number(await count());
    const text = [
      line('Good One'), line('Good Two'), // batch 1: clean
      line('Good Three'), '{not json', line('Bad Date', { birthDates: ['1990-13-01'] }), // batch 2: two errors
      JSON.stringify({ person: { names: [{ value: 'X Y', kind: 'primary' }], nationalities: ['ZZZ'] }, shoeSize: 9 }),
    ].join('\n');
    const r = await post(fra, 'persons', text, 'application/x-ndjson', '?batchSize=2');
    const report = r.json();
    expect(report.stored).toBe(2);
    expect(report.batches.map((b: { stored: number }) => b.stored)).toEqual([2, 0, 0]);
    expect(report.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 4, field: 'line', message: expect.stringMatching(/JSON/) }),
      expect.objectContaining({ line: 5, field: 'birthDates.0' }),
      expect.objectContaining({ line: 6, field: expect.stringContaining('shoeSize') }),
    ]));
    expect(Number(await count())).toBe(before + 2);
  });

  it('imports CSV with aliases, scripts, identifiers and envelope columns, naming bad cells', async () => {
    const csv = [
      'name,aliases,original_script_name,script,sex,birth_dates,nationalities,identifiers,subject,audience,audience_orgs',
      'Yusuf Haddad,Youssef Haddad|Joseph Haddad,يوسف حداد,Arab,M,1985-03|1986,SYR|LBN,passport:N1234567:SYR,suspect,listed,NCB-ITA',
      'Maria Lopez,,,,F,1999-02-30,ESP,,victim,all,',
      'Juan Perez,,,,M,1970,XXQ,,suspect,all,',
    ].join('\n');
    const bad = (await post(fra, 'persons', csv, 'text/csv')).json();
    expect(bad.stored).toBe(0);
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 3, field: 'birthDates.0' }),
      expect.objectContaining({ line: 4, field: 'nationalities.0' }),
    ]);
    const good = (await post(fra, 'persons', csv.split('\n').slice(0, 2).join('\n'), 'text/csv')).json();
    expect(good.stored).toBe(1);
    const found = (await w.call(ita, 'GET', '/api/v1/persons?q=n1234567')).json();
    expect(found.total).toBe(1);
    expect(found.items[0].names.map((n: { value: string }) => n.value)).toEqual(['Yusuf Haddad', 'Youssef Haddad', 'Joseph Haddad', 'يوسف حداد']);
    expect(found.items[0].envelope).toMatchObject({ owner: 'NCB-FRA', audience: 'listed', audienceOrgs: ['NCB-ITA'] });
  });

  it('exports only what the actor may see, audited, in a form that imports again', async () => {
    await w.call(fra, 'POST', '/api/v1/persons', { person: { names: [{ value: 'Secret Person', kind: 'primary' }] }, envelope: { audience: 'owner' } });
    const mine = await w.call(fra, 'GET', '/api/v1/exports/persons');
    const theirs = await w.call(ita, 'GET', '/api/v1/exports/persons');
    const names = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l).person.names[0].value as string);
    expect(names(mine.body)).toContain('Secret Person');
    expect(names(theirs.body)).not.toContain('Secret Person');
    expect(names(theirs.body)).toContain('Yusuf Haddad');
    const audit = await w.platform.db.selectFrom('audit_log').select('username').where('action', '=', 'person.export').execute();
    expect(audit.map((a) => a.username)).toEqual(expect.arrayContaining(['fra.officer', 'ita.officer']));
    const again = (await post(ita, 'persons', mine.body, 'application/x-ndjson')).json();
    expect(again.errors).toEqual([]);
    expect(again.stored).toBe(mine.body.trim().split('\n').length);
  });

  it('refuses imports from roles that may not write', async () => {
    const analyst = await w.user('fra.analyst', 'NCB-FRA', ['analyst']);
    expect((await post(analyst, 'persons', line('A B'), 'application/x-ndjson')).statusCode).toBe(403);
  });
});
