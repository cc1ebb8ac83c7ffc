import { useState, type FormEvent } from 'react';
import {
  Alert, Badge, Button, FileInput, Group, List, Progress, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { ApiError, messagesFor, send, type FieldProblem } from '../api/client.ts';
import { routeFor, ROUTES } from '../api/endpoints.ts';
import type { FeatureEffect, NameExplanation, ScreeningHit, ScreeningResult } from '../api/types.ts';
import { CountrySelect, ErrorNote, PageHeader, RecordLink, SubjectBadge, Unavailable, enumLabel } from '../components.tsx';
import { useI18n, type I18n } from '../i18n/index.tsx';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { BiometricScreening, offersBiometrics } from './Biometrics.tsx';

type Mode = 'frontline' | 'analyst';

export const hitName = (h: ScreeningHit): string | undefined => (h.person?.names.find((n) => n.kind === 'primary') ?? h.person?.names[0])?.value;

/** Why a record scored as it did: how each name part matched, and what the other features added. */
export function Explanation({ explanation }: { explanation: { name: NameExplanation | null; features: FeatureEffect[] } }) {
  const { t, number, percent } = useI18n();
  const name = explanation.name;
  return (
    <List size="sm" spacing={2} data-testid="explanation">
      {name ? (
        <List.Item>
          <Text span fw={600}>{enumLabel(t, 'feature', 'name')}: </Text>
          <Text span>{percent(name.score)}</Text>
          {name.matches.length ? (
            <Text span> — {name.matches.map((mt) => `${mt.query.join(' ')} ↔ ${mt.record.join(' ')} (${enumLabel(t, 'matchKind', mt.how)})`).join(', ')}</Text>
          ) : null}
          {name.unmatchedQuery.length ? <Text span c="gray.8"> · {t('screening.unmatched', { tokens: name.unmatchedQuery.join(' ') })}</Text> : null}
        </List.Item>
      ) : null}
      {explanation.features.filter((f) => f.feature !== 'name').map((f, i) => (
        <List.Item key={i}>
          <Text span fw={600}>{enumLabel(t, 'feature', f.feature)}: </Text>
          <Text span className="ltr">{f.detail}</Text>
          <Text span c={f.effect >= 0 ? '#2f6f3a' : 'red.9'}> ({f.effect >= 0 ? '+' : ''}{number(f.effect, { maximumFractionDigits: 2 })})</Text>
        </List.Item>
      ))}
    </List>
  );
}

/** What the officer should do, in the officer's language, from the best hit. */
function actionText(result: ScreeningResult, t: I18n['t'], orgName: (id: string) => string): string {
  const top = result.hits[0];
  if (result.outcome !== 'hit' || !top) return t('screening.noHitAction');
  const contact = t('screening.actionContact', { org: orgName(top.owner) });
  if (top.subject === 'victim') return `${t('screening.actionVictim')} ${contact}`;
  if (top.subject === 'missing') return `${t('screening.actionMissing')} ${contact}`;
  if (top.disclosure === 'existence') return `${t('screening.actionWithheld', { org: orgName(top.owner) })} ${contact}`;
  return `${t('screening.actionHit', { subject: enumLabel(t, 'subject', top.subject) })} ${contact}`;
}

function Verdict({ result }: { result: ScreeningResult }) {
  const { t } = useI18n();
  const { orgName } = useSession();
  const hit = result.outcome === 'hit';
  return (
    <Alert
      data-testid="verdict" data-verdict={hit ? 'hit' : 'no-hit'}
      color={hit ? 'red.9' : '#2f6f3a'} variant="outline" className="verdict" role="status"
      title={<Title order={2} size="h1" c={hit ? 'red.9' : '#2f6f3a'}>{hit ? t('screening.hit') : t('screening.noHit')}</Title>}
    >
      <Stack gap="xs">
        <Text fw={600} data-testid="action">{actionText(result, t, orgName)}</Text>
        {result.hits.map((h, i) => (
          <Group key={i} gap="xs" wrap="wrap">
            <SubjectBadge subject={h.subject} />
            {h.disclosure === 'existence' || !h.recordId ? <Text>{t('screening.withheld')}</Text> : <RecordLink type={h.recordType} id={h.recordId}>{hitName(h) ?? '—'}</RecordLink>}
            <Text size="sm">{t('screening.contact', { org: orgName(h.owner) })}</Text>
            {h.hitId ? <Link href={`/hits/${encodeURIComponent(h.hitId)}`} className="link">{t('screening.openHit')}</Link> : null}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

function Candidates({ result }: { result: ScreeningResult }) {
  const { t, percent, number, date, country } = useI18n();
  const { orgName } = useSession();
  const candidates = [...result.hits].sort((a, b) => b.score - a.score);
  if (!candidates.length) return <Alert color="#2f6f3a" variant="outline" data-testid="verdict" data-verdict="no-hit" title={t('screening.noCandidates')}>{t('screening.noHitAction')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped data-testid="candidates" verticalSpacing="sm">
        <Table.Caption>{t('screening.ranked', { count: candidates.length })}</Table.Caption>
        <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>{t('screening.score')}</Table.Th><Table.Th>{t('person.name')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th><Table.Th>{t('screening.explanation')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {candidates.map((c, i) => (
            <Table.Tr key={i}>
              <Table.Td>{number(i + 1)}</Table.Td>
              <Table.Td w={140}>
                <Text fw={700}>{percent(c.score)}</Text>
                <Progress value={c.score * 100} color={c.score >= 0.8 ? 'red.9' : '#a33b00'} aria-label={t('screening.score')} size="sm" />
              </Table.Td>
              <Table.Td>
                {c.disclosure === 'existence' || !c.recordId ? <Text>{t('screening.withheld')}</Text> : <RecordLink type={c.recordType} id={c.recordId}>{hitName(c) ?? '—'}</RecordLink>}
                <Group gap={4} mt={4}>
                  <SubjectBadge subject={c.subject} />
                  <Text size="xs" c="gray.8">
                    {[(c.person?.birthDates ?? []).map((d) => date(d)).join(', '), (c.person?.nationalities ?? []).map((n) => country(n)).join(', ')].filter(Boolean).join(' · ')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{orgName(c.owner)}</Table.Td>
              <Table.Td>{c.explanation ? <Explanation explanation={c.explanation} /> : <Text size="sm">{t('screening.noExplanation')}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface Query { mrz: string; names: string; dob: string; nationality: string; sex: string; documentNumber: string; purpose: string }

function queryBody(q: Query, inputMode: 'mrz' | 'names'): Record<string, unknown> {
  if (inputMode === 'mrz') return { mrz: q.mrz.trim() };
  const names = q.names.split(/\n|;/).map((n) => n.trim()).filter(Boolean);
  return {
    names,
    ...(q.dob.trim() ? { birthDates: q.dob.split(/[,\s]+/).filter(Boolean) } : {}),
    ...(q.nationality ? { nationalities: [q.nationality] } : {}),
    ...(q.sex ? { sex: q.sex } : {}),
    ...(q.documentNumber.trim() ? { documentNumber: q.documentNumber.trim() } : {}),
  };
}

function PersonScreening({ route }: { route: string }) {
  const { t, number } = useI18n();
  const { hasRole } = useSession();
  const [use, setUse] = useState<Mode>(hasRole('analyst') && !hasRole('frontline') ? 'analyst' : 'frontline');
  const [inputMode, setInputMode] = useState<'mrz' | 'names'>('names');
  const { query } = useLocation();
  // A document check links here with the holder's particulars filled in.
  const [q, setQ] = useState<Query>(() => ({
    mrz: '', names: (query.get('names') ?? '').split(';').filter(Boolean).join('\n'), dob: query.get('dob') ?? '',
    nationality: query.get('nationality') ?? '', sex: '', documentNumber: '', purpose: '',
  }));
  const [result, setResult] = useState<ScreeningResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Query>(k: K, v: Query[K]) => setQ((x) => ({ ...x, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    setResult(null);
    try {
      const res = await send('POST', route, { body: queryBody(q, inputMode), query: { use }, purpose: q.purpose.trim() || undefined });
      setResult((await res.json()) as ScreeningResult);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setProblems(err.fields);
    } finally { setBusy(false); }
  };

  return (
    <Stack>
      <form onSubmit={(e) => { void submit(e); }} data-testid="screening-form" noValidate>
        <Stack>
          <Group>
            <SegmentedControl value={inputMode} onChange={(v) => setInputMode(v as 'mrz' | 'names')} aria-label={t('screening.input')}
              data={[{ value: 'names', label: t('screening.byName') }, { value: 'mrz', label: t('screening.byMrz') }]} />
            <SegmentedControl value={use} onChange={(v) => setUse(v as Mode)} aria-label={t('screening.view')}
              data={[{ value: 'frontline', label: t('screening.frontline') }, { value: 'analyst', label: t('screening.analyst') }]} />
          </Group>
          {inputMode === 'mrz' ? (
            <Textarea label={t('screening.mrz')} description={t('screening.mrzHint')} value={q.mrz} onChange={(e) => set('mrz', e.currentTarget.value.toUpperCase())}
              autosize minRows={3} classNames={{ input: 'mono ltr' }} error={messagesFor(problems, 'mrz')} name="mrz" spellCheck={false} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Textarea label={t('screening.names')} description={t('screening.namesHint')} value={q.names} onChange={(e) => set('names', e.currentTarget.value)} autosize minRows={1} error={messagesFor(problems, 'names')} name="names" />
              <TextInput label={t('person.birthDate')} description={t('person.birthDatesHint')} value={q.dob} onChange={(e) => set('dob', e.currentTarget.value)} error={messagesFor(problems, 'birthDates')} name="dob" className="ltr" />
              <CountrySelect label={t('person.nationality')} value={q.nationality || null} onChange={(v) => set('nationality', v ?? '')} error={messagesFor(problems, 'nationalities')} />
              <Select label={t('person.sex')} clearable data={['M', 'F', 'X'].map((v) => ({ value: v, label: enumLabel(t, 'sex', v) }))} value={q.sex || null} onChange={(v) => set('sex', v ?? '')} />
              <TextInput label={t('screening.documentNumber')} value={q.documentNumber} onChange={(e) => set('documentNumber', e.currentTarget.value)} className="ltr" error={messagesFor(problems, 'documentNumber')} />
            </SimpleGrid>
          )}
          <TextInput label={t('common.purpose')} description={t('common.purposeHint')} value={q.purpose} onChange={(e) => set('purpose', e.currentTarget.value)} />
          <Group><Button type="submit" loading={busy} size="md">{t('screening.screen')}</Button></Group>
        </Stack>
      </form>
      <ErrorNote error={error} />
      {result ? (
        <section aria-label={t('screening.result')}>
          {use === 'frontline' ? <Verdict result={result} /> : <Candidates result={result} />}
          <Text size="xs" c="gray.8" mt="xs">{t('screening.took', { ms: number(Math.round(result.tookMs)) })}</Text>
        </section>
      ) : null}
    </Stack>
  );
}

interface ManifestRow { line: number; name: string; outcome: 'hit' | 'no-hit' | 'error'; score?: number; message?: string; hits: ScreeningHit[] }

/** Splits one CSV line, honouring double quotes. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cur); cur = ''; } else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

/** The name on each line of the file, to show beside its result (the answer carries line numbers). */
function namesByLine(text: string): Map<number, string> {
  const lines = text.split(/\r?\n/);
  const header = csvCells(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = header.findIndex((h) => h === 'name' || h === 'names');
  const names = new Map<number, string>();
  lines.forEach((l, i) => { if (i > 0 && l.trim()) names.set(i + 1, (col >= 0 ? csvCells(l)[col] ?? '' : l).replace(/\|/g, ' / ')); });
  return names;
}

function ManifestScreening({ route }: { route: string }) {
  const { t, number, percent } = useI18n();
  const { orgName } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<ManifestRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [onlyHits, setOnlyHits] = useState(false);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setRows([]);
    try {
      const text = await file.text();
      const names = namesByLine(text);
      setTotal(names.size);
      const res = await send('POST', route, { body: text, contentType: 'text/csv', query: { use: 'frontline' } });
      const collected: ManifestRow[] = [];
      const take = (o: Record<string, unknown>) => {
        if (o.done === true) { setTotal(typeof o.lines === 'number' ? o.lines : collected.length); return; }
        const line = typeof o.line === 'number' ? o.line : collected.length + 2;
        const name = names.get(line) ?? '';
        if (typeof o.error === 'string') {
          const fields = Array.isArray(o.fields) ? (o.fields as FieldProblem[]).map((f) => `${f.field}: ${f.message}`).join('; ') : '';
          collected.push({ line, name, outcome: 'error', message: fields ? `${o.error} (${fields})` : o.error, hits: [] });
          return;
        }
        const r = o.result as ScreeningResult | undefined;
        if (!r) return;
        collected.push({ line, name, outcome: r.outcome === 'hit' ? 'hit' : 'no-hit', score: r.hits[0]?.score, hits: r.hits });
      };
      if (res.body) {
        // NDJSON: one answer per line, shown as it arrives.
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        const consume = (line: string) => {
          if (!line.trim()) return;
          try { take(JSON.parse(line) as Record<string, unknown>); } catch { /* not a JSON line */ }
        };
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const parts = buffer.split('\n');
          buffer = parts.pop() ?? '';
          parts.forEach(consume);
          setRows([...collected]);
        }
        consume(buffer);
      }
      setRows([...collected]);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  const done = rows.length;
  const hits = rows.filter((r) => r.outcome === 'hit').length;
  const errors = rows.filter((r) => r.outcome === 'error').length;
  const shown = onlyHits ? rows.filter((r) => r.outcome !== 'no-hit') : rows;
  return (
    <Stack>
      <Text size="sm">{t('manifest.help')}</Text>
      <Text size="sm" className="ltr mono">name,birth_date,nationality,sex,document_number</Text>
      <form onSubmit={(e) => { void run(e); }}>
        <Group align="flex-end">
          <FileInput label={t('manifest.file')} accept=".csv,text/csv" value={file} onChange={setFile} w={320} clearable clearButtonProps={{ 'aria-label': t('common.clear') }} placeholder={t('manifest.choose')} name="manifest" />
          <Button type="submit" disabled={!file} loading={busy}>{t('manifest.screen')}</Button>
        </Group>
      </form>
      <ErrorNote error={error} />
      {total > 0 && (busy || rows.length > 0) ? (
        <Stack gap={4}>
          <Progress value={total ? Math.min(100, (done / total) * 100) : 0} aria-label={t('manifest.progress')} size="lg" animated={busy} />
          <Text size="sm" aria-live="polite" data-testid="manifest-progress">{t('manifest.progressText', { done: number(done), total: number(total), hits: number(hits), errors: number(errors) })}</Text>
        </Stack>
      ) : null}
      {rows.length ? (
        <>
          <SegmentedControl value={onlyHits ? 'hits' : 'all'} onChange={(v) => setOnlyHits(v === 'hits')} aria-label={t('manifest.show')}
            data={[{ value: 'all', label: t('manifest.all') }, { value: 'hits', label: t('manifest.hitsAndErrors') }]} w="fit-content" />
          <Table striped data-testid="manifest-results">
            <Table.Thead><Table.Tr><Table.Th>{t('manifest.line')}</Table.Th><Table.Th>{t('person.name')}</Table.Th><Table.Th>{t('manifest.outcome')}</Table.Th><Table.Th>{t('screening.score')}</Table.Th><Table.Th>{t('manifest.detail')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.line} data-outcome={r.outcome}>
                  <Table.Td>{number(r.line)}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="filled" color={r.outcome === 'hit' ? 'red.9' : r.outcome === 'error' ? '#a33b00' : '#2f6f3a'}>
                      {r.outcome === 'hit' ? t('screening.hit') : r.outcome === 'error' ? t('manifest.error') : t('screening.noHit')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{typeof r.score === 'number' ? percent(r.score) : '—'}</Table.Td>
                  <Table.Td>
                    {r.message ?? r.hits.slice(0, 3).map((h, i) => (
                      <span key={i}>{i ? ', ' : ''}{h.recordId ? <RecordLink type={h.recordType} id={h.recordId}>{hitName(h) ?? '—'}</RecordLink> : t('screening.withheld')} ({orgName(h.owner)})</span>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

export function ScreeningPage() {
  const { t } = useI18n();
  const { catalogue } = useSession();
  const person = routeFor(catalogue, 'POST', ROUTES.screening.person);
  const manifest = routeFor(catalogue, 'POST', ROUTES.screening.manifest);
  return (
    <>
      <PageHeader title={t('screening.title')} />
      <Tabs defaultValue="person" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="person">{t('screening.person')}</Tabs.Tab>
          <Tabs.Tab value="manifest">{t('screening.manifest')}</Tabs.Tab>
          {offersBiometrics(catalogue) ? <Tabs.Tab value="biometrics">{t('bio.tab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="person">{person ? <PersonScreening route={person} /> : <Unavailable what={t('screening.title')} />}</Tabs.Panel>
        <Tabs.Panel value="manifest">{manifest ? <ManifestScreening route={manifest} /> : <Unavailable what={t('screening.manifest')} />}</Tabs.Panel>
        <Tabs.Panel value="biometrics"><BiometricScreening /></Tabs.Panel>
      </Tabs>
    </>
  );
}
