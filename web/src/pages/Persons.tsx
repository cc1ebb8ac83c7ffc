import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ActionIcon, Button, Card, Fieldset, FileInput, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { api, ApiError, messagesFor, send, type FieldProblem } from '../api/client.ts';
import { NAME_KINDS, SEXES, SUBJECTS, type HistoryEntry, type Page, type Person, type PersonData } from '../api/types.ts';
import {
  CountryMultiSelect, CountrySelect, Empty, EnvelopeSummary, ErrorNote, Facts, Loading, PageHeader, Pager, Section, SubjectBadge, TlpBadge, enumLabel,
} from '../components.tsx';
import { EnvelopeFields, envelopeDraft, envelopeInput, type EnvelopeDraft } from '../envelope.tsx';
import { useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, navigate, setQuery, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

const PAGE = 20;

export const primaryName = (p: Pick<PersonData, 'names'>) => (p.names.find((n) => n.kind === 'primary') ?? p.names[0])?.value ?? '—';

/** Problems at exactly this field (not below it). */
export const exactFor = (problems: readonly FieldProblem[], field: string) => {
  const hits = problems.filter((p) => p.field === field);
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined;
};

export function PersonListPage() {
  const { t, date, country } = useI18n();
  const { hasRole, orgName, actor } = useSession();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const nationality = query.get('nationality') ?? '';
  const subject = query.get('subject') ?? '';
  const owner = query.get('owner') ?? '';
  const offset = Number(query.get('offset') ?? 0);
  const [text, setText] = useState(q);
  useEffect(() => { setText(q); }, [q]);
  const list = useLoad((signal) => api.get<Page<Person>>('/persons', { q, nationality, subject, owner, limit: PAGE, offset }, signal), [q, nationality, subject, owner, offset]);

  const search = (e: FormEvent) => { e.preventDefault(); setQuery({ q: text.trim(), offset: undefined }); };
  return (
    <>
      <PageHeader title={t('persons.title')}>
        {hasRole('officer', 'admin') ? <Button component={Link} href="/persons/new">{t('persons.new')}</Button> : null}
      </PageHeader>
      <form onSubmit={search} role="search" aria-label={t('persons.search')}>
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput label={t('persons.searchName')} value={text} onChange={(e) => setText(e.currentTarget.value)} name="q" w={260} />
          <CountrySelect label={t('person.nationality')} value={nationality || null} onChange={(v) => setQuery({ nationality: v, offset: undefined })} w={220} />
          <Select label={t('envelope.subject')} clearable data={SUBJECTS.map((s) => ({ value: s, label: enumLabel(t, 'subject', s) }))} value={subject || null} onChange={(v) => setQuery({ subject: v, offset: undefined })} w={180} />
          <Select label={t('envelope.owner')} clearable data={[{ value: actor.orgId, label: t('filter.mine') }]} value={owner || null} onChange={(v) => setQuery({ owner: v, offset: undefined })} w={180} />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>
      <ErrorNote error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <Empty>{t('persons.none')}</Empty> : null}
      {list.data && list.data.items.length ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover data-testid="person-list">
            <Table.Caption>{t('persons.caption', { total: list.data.total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('person.name')}</Table.Th><Table.Th>{t('person.sex')}</Table.Th><Table.Th>{t('person.birthDates')}</Table.Th>
                <Table.Th>{t('person.nationalities')}</Table.Th><Table.Th>{t('envelope.subject')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th><Table.Th>{t('envelope.tlp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><Link href={`/persons/${p.id}`} className="link">{primaryName(p)}</Link></Table.Td>
                  <Table.Td>{enumLabel(t, 'sex', p.sex)}</Table.Td>
                  <Table.Td>{p.birthDates.map((d) => date(d)).join(', ') || '—'}</Table.Td>
                  <Table.Td>{p.nationalities.map((c) => country(c)).join(', ') || '—'}</Table.Td>
                  <Table.Td><SubjectBadge subject={p.envelope.subject} /></Table.Td>
                  <Table.Td>{orgName(p.envelope.owner)}</Table.Td>
                  <Table.Td><TlpBadge tlp={p.envelope.tlp} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(o) => setQuery({ offset: o || undefined })} /> : null}
    </>
  );
}

/** A history line in the user's words; the API words it in English ("changed names, sex"). */
export function describeChange(change: string, t: (k: MessageKey, v?: Record<string, string | number>) => string, date: (d: string) => string, list: (v: string[]) => string): string {
  let m: RegExpExecArray | null;
  if (change === 'created') return t('change.created');
  if (change === 'deleted') return t('change.deleted');
  if ((m = /^changed (.+)$/.exec(change))) return t('change.changed', { fields: list(m[1].split(/,\s*/).map((f) => enumLabel(t, 'field', f))) });
  if ((m = /^renewed until (\d{4}-\d{2}-\d{2})$/.exec(change))) return t('change.renewed', { date: date(m[1]) });
  if ((m = /^reported (\w+)$/.exec(change))) return t('change.reported', { status: enumLabel(t, 'docStatus', m[1]) });
  if ((m = /^cancelled (\w+)$/.exec(change))) return t('change.cancelled', { status: enumLabel(t, 'docStatus', m[1]) });
  return change;
}

export function History({ entries, orgName }: { entries: HistoryEntry[]; orgName?: (id: string) => string }) {
  const { t, dateTime, date, list } = useI18n();
  if (!entries.length) return <Empty>{t('history.none')}</Empty>;
  return (
    <Table data-testid="history">
      <Table.Thead><Table.Tr><Table.Th>{t('history.version')}</Table.Th><Table.Th>{t('history.when')}</Table.Th><Table.Th>{t('history.who')}</Table.Th><Table.Th>{t('history.change')}</Table.Th><Table.Th>{t('history.reason')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {[...entries].reverse().map((h) => (
          <Table.Tr key={h.version}>
            <Table.Td>{h.version}</Table.Td>
            <Table.Td>{dateTime(h.changedAt)}</Table.Td>
            <Table.Td>{orgName ? orgName(h.changedBy) : h.changedBy}</Table.Td>
            <Table.Td>{describeChange(h.change, t, date, list)}</Table.Td>
            <Table.Td>{h.reason ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Asks for a written reason, then runs the action (delete, renew, cancel…). */
export function ReasonDialog({ opened, title, label, confirm, onClose, onConfirm, danger }: {
  opened: boolean; title: string; label: string; confirm: string; danger?: boolean; onClose(): void; onConfirm(reason: string): Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try { await onConfirm(reason); setReason(''); onClose(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => { void run(e); }}>
        <Stack>
          <ErrorNote error={error} />
          <Textarea label={label} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color={danger ? 'red.9' : undefined} loading={busy}>{confirm}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PersonPage({ id }: { id: string }) {
  const { t, date, dateTime, country } = useI18n();
  const { actor, hasRole, orgName } = useSession();
  const person = useLoad((signal) => api.get<Person>(`/persons/${id}`, undefined, signal), [id]);
  const history = useLoad((signal) => api.get<HistoryEntry[]>(`/persons/${id}/history`, undefined, signal), [id]);
  const [dialog, setDialog] = useState<'delete' | 'renew' | null>(null);
  if (person.error) return <><PageHeader title={t('persons.title')} /><ErrorNote error={person.error} /></>;
  if (!person.data) return <Loading />;
  const p = person.data;
  const mine = p.envelope.owner === actor.orgId && hasRole('officer', 'admin');
  const dueSoon = new Date(p.envelope.reviewAt).getTime() - Date.now() < 183 * 86400_000;
  const rows: [string, ReactNode][] = [
    [t('person.names'), (
      <Stack gap={2}>
        {p.names.map((n, i) => <Text key={i} span>{n.value} <Text span size="sm" c="gray.8">({enumLabel(t, 'nameKind', n.kind)}{n.script ? `, ${n.script}` : ''})</Text></Text>)}
      </Stack>
    )],
    [t('person.sex'), enumLabel(t, 'sex', p.sex)],
    [t('person.birthDates'), p.birthDates.map((d) => date(d)).join(', ') || '—'],
    [t('person.birthPlaces'), p.birthPlaces.map((b) => [b.place, b.country ? country(b.country) : ''].filter(Boolean).join(', ')).join('; ') || '—'],
    [t('person.nationalities'), p.nationalities.map((c) => country(c)).join(', ') || '—'],
    [t('person.identifiers'), p.identifiers.map((i) => `${i.kind}: ${i.value}${i.country ? ` (${i.country})` : ''}`).join('; ') || '—'],
    [t('person.description'), [p.description.heightCm ? `${p.description.heightCm} cm` : '', p.description.weightKg ? `${p.description.weightKg} kg` : '', p.description.eyes, p.description.hair, p.description.build].filter(Boolean).join(' · ') || '—'],
    [t('person.marks'), p.marks.join('; ') || '—'],
    [t('person.languages'), p.languages.join(', ') || '—'],
    [t('person.notes'), p.notes ?? '—'],
    [t('common.updated'), `${dateTime(p.updatedAt)} · ${t('history.version')} ${p.version}`],
  ];
  return (
    <>
      <PageHeader title={primaryName(p)}>
        <SubjectBadge subject={p.envelope.subject} />
        <TlpBadge tlp={p.envelope.tlp} />
        {mine ? <Button component={Link} href={`/persons/${id}/edit`} variant="default">{t('common.edit')}</Button> : null}
        {mine && dueSoon ? <Button variant="default" onClick={() => setDialog('renew')}>{t('persons.renew')}</Button> : null}
        {mine ? <Button color="red.9" variant="outline" onClick={() => setDialog('delete')}>{t('common.delete')}</Button> : null}
      </PageHeader>
      {p.photos.length ? (
        <Group mb="md" data-testid="photos">
          {p.photos.map((h, i) => <img key={h} src={`/api/v1/photos/${h}`} alt={t('person.photoN', { n: i + 1 })} height={140} style={{ borderRadius: 4 }} />)}
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('person.identity')}><Facts rows={rows} /></Section>
        <Section title={t('envelope.legend')}><EnvelopeSummary envelope={p.envelope} /></Section>
      </SimpleGrid>
      <Section title={t('history.title')}>
        <ErrorNote error={history.error} />
        {history.data ? <History entries={history.data} /> : <Loading />}
      </Section>
      <ReasonDialog
        opened={dialog === 'delete'} onClose={() => setDialog(null)} danger
        title={t('persons.deleteTitle')} label={t('common.reason')} confirm={t('common.delete')}
        onConfirm={async (reason) => { await api.del(`/persons/${id}`, { reason }); navigate('/persons'); }}
      />
      <ReasonDialog
        opened={dialog === 'renew'} onClose={() => setDialog(null)}
        title={t('persons.renewTitle')} label={t('persons.justification')} confirm={t('persons.renew')}
        onConfirm={async (justification) => { person.set(await api.post<Person>(`/persons/${id}/renew`, { justification })); history.reload(); }}
      />
      <Text size="xs" c="gray.8" mt="md">{t('person.owner', { org: orgName(p.envelope.owner) })}</Text>
    </>
  );
}

interface PersonDraft {
  names: { value: string; kind: string; script: string }[];
  sex: string;
  birthDates: string;
  birthPlace: string;
  birthCountry: string;
  nationalities: string[];
  identifiers: { kind: string; value: string; country: string }[];
  heightCm: number | '';
  weightKg: number | '';
  eyes: string;
  hair: string;
  build: string;
  marks: string;
  languages: string;
  notes: string;
  /** SHA-256 of each photo, as POST /photos returned it. */
  photos: string[];
}

function draftOf(p?: Person): PersonDraft {
  return {
    names: p?.names.map((n) => ({ value: n.value, kind: n.kind, script: n.script ?? '' })) ?? [{ value: '', kind: 'primary', script: '' }],
    sex: p?.sex ?? 'U',
    birthDates: p?.birthDates.join(', ') ?? '',
    birthPlace: p?.birthPlaces[0]?.place ?? '',
    birthCountry: p?.birthPlaces[0]?.country ?? '',
    nationalities: p?.nationalities ?? [],
    identifiers: p?.identifiers.map((i) => ({ kind: i.kind, value: i.value, country: i.country ?? '' })) ?? [],
    heightCm: p?.description.heightCm ?? '',
    weightKg: p?.description.weightKg ?? '',
    eyes: p?.description.eyes ?? '',
    hair: p?.description.hair ?? '',
    build: p?.description.build ?? '',
    marks: p?.marks.join('\n') ?? '',
    languages: p?.languages.join(', ') ?? '',
    notes: p?.notes ?? '',
    photos: p?.photos ?? [],
  };
}

const splitList = (s: string, sep: RegExp) => s.split(sep).map((x) => x.trim()).filter(Boolean);

/** The person as the API takes it; what the form does not show (more places of birth, description notes) is kept as it was. */
function personInput(d: PersonDraft, original?: Person): Partial<PersonData> {
  const description: PersonData['description'] = original?.description.notes ? { notes: original.description.notes } : {};
  const photos = d.photos;
  const otherBirthPlaces = original?.birthPlaces.slice(1) ?? [];
  if (d.heightCm !== '') description.heightCm = Number(d.heightCm);
  if (d.weightKg !== '') description.weightKg = Number(d.weightKg);
  for (const k of ['eyes', 'hair', 'build'] as const) if (d[k].trim()) description[k] = d[k].trim();
  return {
    names: d.names.filter((n) => n.value.trim() || d.names.length === 1).map((n) => ({ value: n.value, kind: n.kind as PersonData['names'][number]['kind'], ...(n.script.trim() ? { script: n.script.trim() } : {}) })),
    sex: d.sex as PersonData['sex'],
    birthDates: splitList(d.birthDates, /[,;\s]+/),
    birthPlaces: [
      ...(d.birthPlace.trim() || d.birthCountry ? [{ ...(d.birthPlace.trim() ? { place: d.birthPlace.trim() } : {}), ...(d.birthCountry ? { country: d.birthCountry } : {}) }] : []),
      ...otherBirthPlaces,
    ],
    nationalities: d.nationalities,
    identifiers: d.identifiers.filter((i) => i.value.trim() || i.kind.trim()).map((i) => ({ kind: i.kind.trim(), value: i.value.trim(), ...(i.country ? { country: i.country } : {}) })),
    description,
    marks: splitList(d.marks, /\n+/),
    languages: splitList(d.languages, /[,;]+/),
    photos,
    ...(d.notes.trim() ? { notes: d.notes.trim() } : {}),
  };
}

export function PersonFormPage({ id }: { id?: string }) {
  const existing = useLoad((signal) => (id ? api.get<Person>(`/persons/${id}`, undefined, signal) : Promise.resolve(undefined)), [id]);
  if (id && existing.error) return <ErrorNote error={existing.error} />;
  if (id && !existing.data) return <Loading />;
  return <PersonForm key={existing.data?.id ?? 'new'} person={existing.data} />;
}

function PersonForm({ person }: { person?: Person }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const [env, setEnv] = useState<EnvelopeDraft>(() => envelopeDraft(person?.envelope));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonDraft>(k: K, v: PersonDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const err = (f: string) => messagesFor(problems, f);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const body = { person: personInput(draft, person), envelope: envelopeInput(env) };
      const saved = person
        ? await api.patch<Person>(`/persons/${person.id}`, { ...body, expectedVersion: person.version, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        : await api.post<Person>('/persons', body);
      navigate(`/persons/${saved.id}`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setProblems(err.fields);
    } finally {
      setBusy(false);
    }
  };

  const nameKinds = NAME_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'nameKind', k) }));
  return (
    <>
      <PageHeader title={person ? t('persons.editTitle', { name: primaryName(person) }) : t('persons.new')} />
      <form onSubmit={(e) => { void submit(e); }} noValidate data-testid="person-form">
        <Stack>
          <ErrorNote error={error} />
          <Fieldset legend={t('person.names')}>
            <Stack gap="xs">
              {exactFor(problems, 'names') ? <Text c="red.9" size="sm" role="alert">{exactFor(problems, 'names')}</Text> : null}
              {draft.names.map((n, i) => (
                <Group key={i} align="flex-start" wrap="wrap">
                  <TextInput label={t('person.name')} value={n.value} required={i === 0} name={`names.${i}.value`}
                    onChange={(e) => { const v = e.currentTarget.value; set('names', draft.names.map((x, j) => (j === i ? { ...x, value: v } : x))); }}
                    error={err(`names.${i}.value`) ?? exactFor(problems, `names.${i}`)} style={{ flex: 2, minWidth: 220 }} />
                  <Select label={t('person.nameKind')} data={nameKinds} value={n.kind} allowDeselect={false}
                    onChange={(v) => set('names', draft.names.map((x, j) => (j === i ? { ...x, kind: v ?? 'alias' } : x)))} error={err(`names.${i}.kind`)} w={170} />
                  <TextInput label={t('person.script')} description={t('person.scriptHint')} value={n.script} w={120}
                    onChange={(e) => { const v = e.currentTarget.value; set('names', draft.names.map((x, j) => (j === i ? { ...x, script: v } : x))); }} error={err(`names.${i}.script`)} />
                  {draft.names.length > 1 ? (
                    <ActionIcon variant="default" mt={26} size="lg" aria-label={t('person.removeName', { n: i + 1 })} onClick={() => set('names', draft.names.filter((_, j) => j !== i))}>×</ActionIcon>
                  ) : null}
                </Group>
              ))}
              <Group><Button variant="default" size="xs" onClick={() => set('names', [...draft.names, { value: '', kind: 'alias', script: '' }])}>{t('person.addName')}</Button></Group>
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select label={t('person.sex')} data={SEXES.map((s) => ({ value: s, label: enumLabel(t, 'sex', s) }))} value={draft.sex} onChange={(v) => set('sex', v ?? 'U')} allowDeselect={false} error={err('sex')} />
            <TextInput label={t('person.birthDates')} description={t('person.birthDatesHint')} value={draft.birthDates} onChange={(e) => set('birthDates', e.currentTarget.value)} error={err('birthDates')} name="birthDates" className="ltr" />
            <CountryMultiSelect label={t('person.nationalities')} value={draft.nationalities} onChange={(v) => set('nationalities', v)} error={err('nationalities')} />
            <TextInput label={t('person.birthPlace')} value={draft.birthPlace} onChange={(e) => set('birthPlace', e.currentTarget.value)} error={err('birthPlaces')} />
            <CountrySelect label={t('person.birthCountry')} value={draft.birthCountry || null} onChange={(v) => set('birthCountry', v ?? '')} />
          </SimpleGrid>
          <Fieldset legend={t('person.identifiers')}>
            <Stack gap="xs">
              {draft.identifiers.map((idf, i) => (
                <Group key={i} align="flex-start" wrap="wrap">
                  <TextInput label={t('person.identifierKind')} value={idf.kind} w={180} onChange={(e) => { const v = e.currentTarget.value; set('identifiers', draft.identifiers.map((x, j) => (j === i ? { ...x, kind: v } : x))); }} error={err(`identifiers.${i}.kind`)} />
                  <TextInput label={t('person.identifierValue')} value={idf.value} w={200} className="ltr" onChange={(e) => { const v = e.currentTarget.value; set('identifiers', draft.identifiers.map((x, j) => (j === i ? { ...x, value: v } : x))); }} error={err(`identifiers.${i}.value`)} />
                  <CountrySelect label={t('person.identifierCountry')} value={idf.country || null} w={220} onChange={(v) => set('identifiers', draft.identifiers.map((x, j) => (j === i ? { ...x, country: v ?? '' } : x)))} error={err(`identifiers.${i}.country`)} />
                  <ActionIcon variant="default" mt={26} size="lg" aria-label={t('person.removeIdentifier', { n: i + 1 })} onClick={() => set('identifiers', draft.identifiers.filter((_, j) => j !== i))}>×</ActionIcon>
                </Group>
              ))}
              <Group><Button variant="default" size="xs" onClick={() => set('identifiers', [...draft.identifiers, { kind: 'passport', value: '', country: '' }])}>{t('person.addIdentifier')}</Button></Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('person.description')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
              <NumberInput label={t('person.heightCm')} value={draft.heightCm} onChange={(v) => set('heightCm', typeof v === 'number' ? v : '')} error={err('description.heightCm')} min={0} />
              <NumberInput label={t('person.weightKg')} value={draft.weightKg} onChange={(v) => set('weightKg', typeof v === 'number' ? v : '')} error={err('description.weightKg')} min={0} />
              <TextInput label={t('person.eyes')} value={draft.eyes} onChange={(e) => set('eyes', e.currentTarget.value)} error={err('description.eyes')} />
              <TextInput label={t('person.hair')} value={draft.hair} onChange={(e) => set('hair', e.currentTarget.value)} error={err('description.hair')} />
              <TextInput label={t('person.build')} value={draft.build} onChange={(e) => set('build', e.currentTarget.value)} error={err('description.build')} />
            </SimpleGrid>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('person.marks')} description={t('person.marksHint')} value={draft.marks} onChange={(e) => set('marks', e.currentTarget.value)} error={err('marks')} autosize minRows={2} />
            <TextInput label={t('person.languages')} description={t('person.languagesHint')} value={draft.languages} onChange={(e) => set('languages', e.currentTarget.value)} error={err('languages')} />
          </SimpleGrid>
          <PhotoField photos={draft.photos} onChange={(v) => set('photos', v)} error={err('photos')} />
          <Textarea label={t('person.notes')} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={err('notes')} autosize minRows={2} />
          <EnvelopeFields value={env} onChange={setEnv} problems={problems} />
          {person ? <TextInput label={t('common.reasonForChange')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason') ?? err('expectedVersion')} /> : null}
          <Group justify="flex-end">
            <Button variant="default" component={Link} href={person ? `/persons/${person.id}` : '/persons'}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{person ? t('common.save') : t('persons.create')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** Photos of a person: uploaded one by one (JPEG, PNG or WebP), referenced by their SHA-256. */
function PhotoField({ photos, onChange, error }: { photos: string[]; onChange(v: string[]): void; error?: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const res = await send('POST', '/photos', { body: file, contentType: file.type || 'image/jpeg' });
      const { sha256 } = (await res.json()) as { sha256: string };
      if (!photos.includes(sha256)) onChange([...photos, sha256]);
    } catch (e) { setProblem(e); } finally { setBusy(false); }
  };
  return (
    <Fieldset legend={t('person.photos')}>
      <ErrorNote error={problem} />
      {error ? <Text c="red.9" size="sm" role="alert">{error}</Text> : null}
      <Group align="flex-end">
        {photos.map((h, i) => (
          <Stack key={h} gap={4} align="center">
            <img src={`/api/v1/photos/${h}`} alt={t('person.photoN', { n: i + 1 })} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} />
            <Button size="compact-xs" variant="default" onClick={() => onChange(photos.filter((x) => x !== h))} aria-label={t('person.removePhoto', { n: i + 1 })}>×</Button>
          </Stack>
        ))}
        <FileInput label={t('person.addPhoto')} accept="image/jpeg,image/png,image/webp" value={null} onChange={(f) => { void upload(f); }} placeholder={t('manifest.choose')} w={220} disabled={busy} />
      </Group>
    </Fieldset>
  );
}

/** A compact card for a person, used where a page only needs who it is. */
export function PersonCard({ person }: { person: Person }) {
  const { t, date, country } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Link href={`/persons/${person.id}`} className="link">{primaryName(person)}</Link>
      <Text size="sm">{[person.birthDates.map((d) => date(d)).join(', '), person.nationalities.map((c) => country(c)).join(', '), enumLabel(t, 'sex', person.sex)].filter(Boolean).join(' · ')}</Text>
    </Card>
  );
}
