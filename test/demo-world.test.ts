import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { loadDemoWorld, type DemoLoadReport } from '../src/cli/demo.ts';
import { demoWorld } from '../src/demo/world.ts';
import { demoMrz, demoRecovery, demoSighting, type DemoDocument } from '../src/demo/documents.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '../src/documents/model.ts';
import { NOTICE_KINDS } from '../src/notices/model.ts';
import type { ReviewCheck } from '../src/notices/review.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { verifyAuditChain } from '../src/platform/audit/verify.ts';
import type { Database } from '../src/platform/db/schema.ts';
import { engines, startWorld, type World } from './support/world.ts';

const SIZE = { persons: 200, documents: 300, notices: 30 };
const SEED = 'demo-world-test';
// Yesterday: both loads set the world on the same day even if the test runs across midnight.
const TODAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const generated = demoWorld({ seed: SEED, ...SIZE, today: TODAY });

const tally = (keys: string[]) => Object.fromEntries([...new Set(keys)].sort().map((k) => [k, keys.filter((x) => x === k).length]));

/** What a load stored, without the ids and clock times a database gives each run. */
async function contentOf(db: Kysely<Database>) {
  const rows = async (query: ReturnType<typeof sql<{ j: string }>>) => (await query.execute(db)).rows.map((r) => r.j).sort();
  return {
    persons: await rows(sql`select json_build_array(owner_org, audience, tlp, subject, primary_name, data)::text as j from persons`),
    documents: await rows(sql`select json_build_array(owner_org, audience, tlp, number_norm, issuing_country, type, status, holder_names, holder_birth_date,
      holder_sex, holder_nationality, holder_person_id is not null, issue_date, expiry_date, reported_on, reported_place, circumstances, cancel_reason, sighting_count)::text as j from documents`),
    sightings: await rows(sql`select json_build_array(r.owner_org, d.number_norm, r.kind, r.observed_on, r.place, r.country, r.circumstances)::text as j
      from document_reports r join documents d on d.id = r.document_id`),
    notices: await rows(sql`select json_build_array(owner_org, kind, status, audience, audience_orgs, content, decision_reasons)::text as j from notices`),
  };
}

describe.each(engines())('the demo world on %s', (engine) => {
  let w: World;
  let report: DemoLoadReport;
  beforeAll(async () => {
    w = await startWorld(engine);
    report = await loadDemoWorld(w.platform, w.services, SIZE, { seed: SEED, today: TODAY });
  });
  afterAll(async () => { await w?.close(); });

  const db = () => w.platform.db;
  const docs: DemoDocument[] = [...generated.documents()];

  it('loads persons, owned by the bureaus that entered them', async () => {
    const rows = await db().selectFrom('persons').select('owner_org').execute();
    expect(tally(rows.map((r) => r.owner_org))).toEqual(tally([...generated.persons()].map((p) => p.owner)));
  });

  it('loads documents of every type and many statuses, each owned by its issuing country', async () => {
    const rows = await db().selectFrom('documents').select(['owner_org', 'issuing_country', 'type', 'status', 'number_norm', 'holder_person_id', 'created_by']).execute();
    expect(rows).toHaveLength(report.documents.stored);
    expect(report.documents.stored + report.documents.duplicates).toBe(SIZE.documents);
    for (const r of rows) expect(r.owner_org).toBe(`NCB-${r.issuing_country}`);
    expect(tally(rows.map((r) => `${r.owner_org} ${r.type} ${r.status} ${r.number_norm}`)))
      .toEqual(tally(docs.map((d) => `${d.owner} ${d.type} ${d.status} ${d.number}`)));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(DOCUMENT_TYPES));
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(DOCUMENT_STATUSES.length - 1);
    // Holders are linked to the world's persons, so a check leads to someone.
    expect(rows.filter((r) => r.holder_person_id).length).toBe(docs.filter((d) => d.holder).length);
  });

  it('has seen/seized reports by other members, and the recovered documents withdrawn', async () => {
    const reports = await db().selectFrom('document_reports as r').innerJoin('documents as d', 'd.id', 'r.document_id')
      .select(['r.owner_org as reporter', 'd.owner_org as owner', 'r.kind']).execute();
    expect(reports).toHaveLength(docs.filter((d) => demoSighting(SEED, d)).length);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r.reporter).not.toBe(r.owner);
    const cancelled = await db().selectFrom('documents').select('cancel_reason').where('cancelled_at', 'is not', null).execute();
    expect(cancelled).toHaveLength(docs.filter((d) => demoRecovery(d) && !demoSighting(SEED, d)).length);
  });

  it('finds a stolen document by its machine-readable zone, with its status and holder', async () => {
    const stolen = docs.find((d) => d.status === 'stolen' && d.holder && d.index % 12 !== 5 && demoMrz(d));
    expect(stolen).toBeDefined();
    const country = generated.countries.find((c) => c.code !== stolen!.issuingCountry)!.code.toLowerCase();
    const frontline = (await w.services.identity.actorForUsername(`${country}.frontline`))!;
    const check = await w.services.documents.checkDocument(frontline, { mrz: demoMrz(stolen!)! });
    expect(check.mrz?.valid).toBe(true);
    expect(check.hit).toBe(true);
    expect(check.matches).toHaveLength(1);
    const [match] = check.matches;
    expect(match).toMatchObject({ owner: `NCB-${stolen!.issuingCountry}`, visibility: 'full' });
    expect(match.document).toMatchObject({ status: 'stolen', numberNormalised: stolen!.number, issuingCountry: stolen!.issuingCountry });
    const person = await w.services.persons.getPerson(systemActor('test'), match.document!.holder!.personId!);
    const expected = [...generated.persons()][stolen!.holder!.personIndex];
    expect(person.names.map((n) => n.value)).toEqual(expected.names.map((n) => n.value));
    expect(check.holder?.names.map((n) => n.toUpperCase())).toContain(`${stolen!.holder!.givenNames} ${stolen!.holder!.surname}`.toUpperCase().trim());

    // A record the issuer keeps to itself: another member learns only that it exists, and whom to ask.
    const withheld = docs.find((d) => d.index % 12 === 5 && d.issuingCountry !== country.toUpperCase())!;
    const hidden = await w.services.documents.checkDocument(frontline, { number: withheld.number, issuingCountry: withheld.issuingCountry });
    expect(hidden.matches.map((m) => [m.visibility, m.document])).toEqual([['existence', undefined]]);
  });

  it('loads notices of every kind through the lifecycle; those in force passed the review', async () => {
    const rows = await db().selectFrom('notices').select(['id', 'kind', 'status', 'owner_org', 'reference', 'review_checks', 'decision_reasons']).execute();
    const demo = [...generated.notices()];
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(NOTICE_KINDS));
    expect(tally(rows.map((r) => `${r.kind} ${r.owner_org} ${r.status}`))).toEqual(tally(demo.map((d) => `${d.notice.kind} ${d.notice.owner} ${d.notice.status}`)));
    expect(tally(rows.map((r) => r.status))).toEqual(tally(Object.entries(report.notices).flatMap(([s, n]) => Array<string>(n).fill(s))));
    const statuses = new Set(rows.map((r) => r.status));
    // Thirty notices are too few for every status (the generator's own tests cover the whole mix): the main ones.
    for (const s of ['published', 'refused', 'reviewed_ok']) expect(statuses, s).toContain(s);
    expect(['draft', 'submitted', 'under_review'].filter((s) => statuses.has(s)).length).toBeGreaterThan(0);
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.status === 'published').length).toBeGreaterThan(rows.length / 3);

    const history = await db().selectFrom('notice_history').selectAll().execute();
    const decided = rows.filter((r) => ['published', 'reviewed_ok', 'cancelled'].includes(r.status));
    for (const r of decided) {
      const checks = r.review_checks as unknown as ReviewCheck[];
      expect(checks.length, `${r.kind} ${r.status}`).toBeGreaterThan(0);
      expect(checks.filter((c) => c.blocking && !c.passed), `${r.kind} ${r.id}`).toEqual([]);
      expect(r.reference).toMatch(/\S/);
      // Decided by the secretariat, not written around the rules.
      const step = history.find((h) => h.notice_id === r.id && (h.action === 'publish' || h.action === 'confirm'));
      expect(step, `${r.kind} ${r.id}`).toMatchObject({ org_id: 'SECRETARIAT', username: 'system:demo' });
    }
    for (const r of rows.filter((x) => x.status === 'refused')) {
      expect(r.decision_reasons.length).toBeGreaterThan(0);
      expect(history.some((h) => h.notice_id === r.id && h.action === 'refuse' && h.org_id === 'SECRETARIAT')).toBe(true);
    }
  });

  it('audits every write as the demo system task, in a chain that verifies', async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
    const entries = await db().selectFrom('audit_log').select(['username', 'org_id', 'action', 'record_ids', 'outcome']).where('username', '=', 'system:demo').execute();
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['person.import', 'document.import', 'document.sighting', 'notice.create', 'notice.submit', 'notice.publish', 'notice.refuse', 'notice.send', 'notice.confirm']) {
      expect(actions, a).toContain(a);
    }
    expect(entries.filter((e) => e.outcome !== 'ok')).toEqual([]);
    // One entry per batch, in the owning bureau's name, naming every record it stored.
    const imports = entries.filter((e) => e.action === 'document.import');
    expect(imports.length).toBeLessThan(SIZE.documents / 2);
    for (const e of imports) expect(e.org_id).toMatch(/^NCB-[A-Z]{3}$/);
    expect(imports.reduce((n, e) => n + e.record_ids.length, 0)).toBe(report.documents.stored);
  });

  it('is the same world when loaded again from the same seed', async () => {
    const again = await startWorld(engine);
    try {
      await loadDemoWorld(again.platform, again.services, SIZE, { seed: SEED, today: TODAY });
      expect(await contentOf(again.platform.db)).toEqual(await contentOf(db()));
    } finally {
      await again.close();
    }
  });
});
