import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Badge, Button, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { api, ApiError, messagesFor, type FieldProblem } from '../api/client.ts';
import { fill, routeFor, ROUTES } from '../api/endpoints.ts';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, SIGHTING_KINDS, type DocumentCheck, type HistoryEntry, type Page, type TravelDocument } from '../api/types.ts';
import { CountrySelect, Empty, EnvelopeSummary, ErrorNote, Facts, Loading, PageHeader, Pager, Section, TlpBadge, Unavailable, enumLabel } from '../components.tsx';
import { EnvelopeFields, envelopeDraft, envelopeInput, type EnvelopeDraft } from '../envelope.tsx';
import { useLoad } from '../hooks.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link, navigate, setQuery, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { History, ReasonDialog } from './Persons.tsx';

const PAGE = 20;

function StatusBadge({ status, cancelled }: { status: string; cancelled?: boolean }) {
  const { t } = useI18n();
  if (cancelled) return <Badge color="gray.8" variant="filled">{t('document.cancelled')}</Badge>;
  return <Badge color="red.9" variant="filled">{enumLabel(t, 'docStatus', status)}</Badge>;
}

/** A document check: MRZ or number + country, answered at once. */
function DocumentCheckPanel({ route }: { route: string }) {
  const { t, date, country } = useI18n();
  const { orgName } = useSession();
  const [via, setVia] = useState<'mrz' | 'number'>('mrz');
  const [mrz, setMrz] = useState('');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [answer, setAnswer] = useState<DocumentCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setProblems([]); setAnswer(null);
    try {
      setAnswer(await api.post<DocumentCheck>(route, via === 'mrz' ? { mrz } : { number, ...(issuer ? { issuingCountry: issuer } : {}) }));
    } catch (err) { setError(err); if (err instanceof ApiError) setProblems(err.fields); } finally { setBusy(false); }
  };
  const fields = answer?.mrz?.fields ?? {};
  const fieldRows: [string, ReactNode][] = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && typeof v !== 'object')
    .map(([k, v]) => [enumLabel(t, 'mrzField', k), <span key={k} className="ltr">{String(v)}</span>]);
  const holder = answer?.holder;
  const screenHref = holder ? `/screening?${new URLSearchParams({ names: holder.names.join(';'), dob: holder.birthDates[0] ?? '', nationality: holder.nationality ?? '' }).toString()}` : undefined;
  return (
    <Section title={t('document.check')}>
      <form onSubmit={(e) => { void run(e); }} data-testid="document-check-form">
        <Stack gap="xs">
          <SegmentedControl value={via} onChange={(v) => setVia(v as 'mrz' | 'number')} aria-label={t('screening.input')} w="fit-content"
            data={[{ value: 'mrz', label: t('screening.byMrz') }, { value: 'number', label: t('document.byNumber') }]} />
          {via === 'mrz' ? (
            <Textarea label={t('screening.mrz')} description={t('screening.mrzHint')} value={mrz} onChange={(e) => setMrz(e.currentTarget.value.toUpperCase())} autosize minRows={2} classNames={{ input: 'mono ltr' }} spellCheck={false} error={messagesFor(problems, 'mrz')} />
          ) : (
            <Group align="flex-start">
              <TextInput label={t('document.number')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} className="ltr" error={messagesFor(problems, 'number')} />
              <CountrySelect label={t('document.issuingCountry')} value={issuer || null} onChange={(v) => setIssuer(v ?? '')} error={messagesFor(problems, 'issuingCountry')} w={260} />
            </Group>
          )}
          <Group><Button type="submit" loading={busy}>{t('document.checkButton')}</Button></Group>
        </Stack>
      </form>
      <ErrorNote error={error} />
      {answer ? (
        <Stack data-testid="document-check">
          <Alert color={answer.hit ? 'red.9' : '#2f6f3a'} variant="outline" className="verdict" title={answer.hit ? t('document.reported') : t('document.notReported')} data-verdict={answer.hit ? 'hit' : 'no-hit'}>
            {answer.matches.map((m) => (
              <Group key={m.reference} gap="xs">
                {m.document ? <Link href={`/documents/${m.document.id}`} className="link">{m.document.number} · {enumLabel(t, 'docStatus', m.document.status)}</Link> : <Text span>{t('screening.withheld')}</Text>}
                <Text span size="sm">{t('screening.contact', { org: orgName(m.owner) })}</Text>
                {m.hitId ? <Link href={`/hits/${encodeURIComponent(m.hitId)}`} className="link">{t('screening.openHit')}</Link> : null}
              </Group>
            ))}
          </Alert>
          {answer.mrz ? (
            <Stack gap="xs">
              <Text fw={600}>{answer.mrz.valid ? t('document.mrzValid') : t('document.mrzInvalid')}{answer.mrz.format ? ` (${answer.mrz.format})` : ''}{answer.mrz.expired ? ` · ${t('document.expired')}` : ''}</Text>
              {(answer.mrz.errors ?? []).length ? (
                <ul data-testid="mrz-errors">
                  {(answer.mrz.errors ?? []).map((e, i) => (
                    <li key={i}>{typeof e === 'string' ? e : <><strong>{enumLabel(t, 'mrzField', e.field ?? '')}</strong>: {e.message}{e.expected !== undefined ? ` (${t('document.expected', { expected: e.expected, found: e.found ?? '' })})` : ''}</>}</li>
                  ))}
                </ul>
              ) : null}
              {fieldRows.length ? <Facts rows={fieldRows} /> : null}
            </Stack>
          ) : null}
          {holder ? (
            <Group>
              <Text>{t('document.holder')}: {holder.names.join(' / ')} · {holder.birthDates.map((d) => date(d)).join(', ')} · {country(holder.nationality)}</Text>
              {screenHref ? <Link href={screenHref} className="link">{t('document.screenHolder')}</Link> : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Section>
  );
}

export function DocumentListPage() {
  const { t, date, country } = useI18n();
  const { catalogue, hasRole, orgName } = useSession();
  const { query } = useLocation();
  const number = query.get('number') ?? '';
  const issuingCountry = query.get('issuingCountry') ?? '';
  const type = query.get('type') ?? '';
  const status = query.get('status') ?? '';
  const offset = Number(query.get('offset') ?? 0);
  const [text, setText] = useState(number);
  const listRoute = routeFor(catalogue, 'GET', ROUTES.documents.list);
  const checkRoute = routeFor(catalogue, 'POST', ROUTES.documents.check);
  const list = useLoad(async (signal) => (listRoute ? api.get<Page<TravelDocument>>(listRoute, { number, issuingCountry, type, status, limit: PAGE, offset }, signal) : undefined), [listRoute, number, issuingCountry, type, status, offset]);
  return (
    <>
      <PageHeader title={t('documents.title')}>
        {listRoute && hasRole('officer', 'admin') && catalogue.has('POST', '/documents') ? <Button component={Link} href="/documents/new">{t('documents.new')}</Button> : null}
      </PageHeader>
      {checkRoute ? <DocumentCheckPanel route={checkRoute} /> : null}
      {!listRoute ? <Unavailable what={t('documents.title')} /> : (
        <Section title={t('documents.list')}>
          <form onSubmit={(e) => { e.preventDefault(); setQuery({ number: text.trim(), offset: undefined }); }} role="search" aria-label={t('documents.search')}>
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('document.number')} value={text} onChange={(e) => setText(e.currentTarget.value)} className="ltr" />
              <CountrySelect label={t('document.issuingCountry')} value={issuingCountry || null} onChange={(v) => setQuery({ issuingCountry: v, offset: undefined })} w={220} />
              <Select label={t('document.type')} clearable data={DOCUMENT_TYPES.map((v) => ({ value: v, label: enumLabel(t, 'docType', v) }))} value={type || null} onChange={(v) => setQuery({ type: v, offset: undefined })} w={200} />
              <Select label={t('document.status')} clearable data={DOCUMENT_STATUSES.map((v) => ({ value: v, label: enumLabel(t, 'docStatus', v) }))} value={status || null} onChange={(v) => setQuery({ status: v, offset: undefined })} w={180} />
              <Button type="submit">{t('common.search')}</Button>
            </Group>
          </form>
          <ErrorNote error={list.error} />
          {list.loading && !list.data ? <Loading /> : null}
          {list.data && list.data.items.length === 0 ? <Empty>{t('documents.none')}</Empty> : null}
          {list.data && list.data.items.length ? (
            <Table.ScrollContainer minWidth={700}>
              <Table striped data-testid="document-list">
                <Table.Caption>{t('documents.caption', { total: list.data.total })}</Table.Caption>
                <Table.Thead><Table.Tr><Table.Th>{t('document.number')}</Table.Th><Table.Th>{t('document.type')}</Table.Th><Table.Th>{t('document.issuingCountry')}</Table.Th><Table.Th>{t('document.status')}</Table.Th><Table.Th>{t('document.reportedOn')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th><Table.Th>{t('envelope.tlp')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td><Link href={`/documents/${d.id}`} className="link ltr">{d.number}</Link></Table.Td>
                      <Table.Td>{enumLabel(t, 'docType', d.type)}</Table.Td>
                      <Table.Td>{country(d.issuingCountry)}</Table.Td>
                      <Table.Td><StatusBadge status={d.status} cancelled={!!d.cancelledAt} /></Table.Td>
                      <Table.Td>{date(d.reportedOn)}</Table.Td>
                      <Table.Td>{orgName(d.envelope.owner)}</Table.Td>
                      <Table.Td><TlpBadge tlp={d.envelope.tlp} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(o) => setQuery({ offset: o || undefined })} /> : null}
        </Section>
      )}
    </>
  );
}

function SightingForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const { catalogue } = useSession();
  const route = routeFor(catalogue, 'POST', ROUTES.documents.sightings);
  const [kind, setKind] = useState('seen');
  const [observedOn, setObservedOn] = useState('');
  const [place, setPlace] = useState('');
  const [where, setWhere] = useState('');
  const [circumstances, setCircumstances] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  if (!route) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null); setProblems([]);
    try {
      await api.post(fill(route, { id }), { kind, ...(observedOn ? { observedOn } : {}), ...(place ? { place } : {}), ...(where ? { country: where } : {}), ...(circumstances ? { circumstances } : {}) });
      setPlace(''); setCircumstances(''); setObservedOn('');
      onDone();
    } catch (err) { setError(err); if (err instanceof ApiError) setProblems(err.fields); }
  };
  const err = (f: string) => messagesFor(problems, f) ?? messagesFor(problems, `report.${f}`) ?? messagesFor(problems, `sighting.${f}`);
  return (
    <form onSubmit={(e) => { void submit(e); }}>
      <Fieldset legend={t('document.reportSighting')}>
        <ErrorNote error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('document.sightingKind')} data={SIGHTING_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'sighting', k) }))} value={kind} onChange={(v) => setKind(v ?? 'seen')} allowDeselect={false} error={err('kind')} />
          <TextInput type="date" label={t('document.observedOn')} value={observedOn} onChange={(e) => setObservedOn(e.currentTarget.value)} error={err('observedOn')} />
          <TextInput label={t('document.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={err('place')} />
          <CountrySelect label={t('document.country')} value={where || null} onChange={(v) => setWhere(v ?? '')} error={err('country')} />
        </SimpleGrid>
        <Textarea label={t('document.circumstances')} value={circumstances} onChange={(e) => setCircumstances(e.currentTarget.value)} error={err('circumstances')} mt="xs" />
        <Group justify="flex-end" mt="xs"><Button type="submit">{t('document.sendSighting')}</Button></Group>
      </Fieldset>
    </form>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const { t, date, dateTime, country } = useI18n();
  const { actor, hasRole, orgName, catalogue } = useSession();
  const oneRoute = routeFor(catalogue, 'GET', ROUTES.documents.one);
  const historyRoute = routeFor(catalogue, 'GET', ROUTES.documents.history);
  const doc = useLoad((signal) => (oneRoute ? api.get<TravelDocument>(fill(oneRoute, { id }), undefined, signal) : Promise.resolve(undefined)), [oneRoute, id]);
  const history = useLoad((signal) => (historyRoute ? api.get<HistoryEntry[]>(fill(historyRoute, { id }), undefined, signal) : Promise.resolve([])), [historyRoute, id]);
  const [dialog, setDialog] = useState<'cancel' | 'delete' | null>(null);
  if (!oneRoute) return <><PageHeader title={t('documents.title')} /><Unavailable what={t('documents.title')} /></>;
  if (doc.error) return <><PageHeader title={t('documents.title')} /><ErrorNote error={doc.error} /></>;
  if (!doc.data) return <Loading />;
  const d = doc.data;
  const mine = d.envelope.owner === actor.orgId && hasRole('officer', 'admin');
  const rows: [string, ReactNode][] = [
    [t('document.number'), <span key="n" className="ltr mono">{d.number}</span>],
    [t('document.type'), enumLabel(t, 'docType', d.type)],
    [t('document.issuingCountry'), country(d.issuingCountry)],
    [t('document.status'), <StatusBadge key="s" status={d.status} cancelled={!!d.cancelledAt} />],
    ...(d.cancelledAt ? [[t('document.cancelled'), `${dateTime(d.cancelledAt)} — ${d.cancelReason ?? ''}`] as [string, ReactNode]] : []),
    [t('document.issueDate'), date(d.issueDate)],
    [t('document.expiryDate'), date(d.expiryDate)],
    [t('document.holder'), d.holder ? (
      <span key="h">{d.holder.personId ? <Link href={`/persons/${d.holder.personId}`} className="link">{d.holder.names.join(' / ') || t('document.holderRecord')}</Link> : d.holder.names.join(' / ')}
        {d.holder.birthDate ? ` · ${date(d.holder.birthDate)}` : ''}{d.holder.nationality ? ` · ${country(d.holder.nationality)}` : ''}</span>
    ) : '—'],
    [t('document.reportedOn'), date(d.reportedOn)],
    [t('document.reportedPlace'), d.reportedPlace ?? '—'],
    [t('document.circumstances'), d.circumstances ?? '—'],
  ];
  return (
    <>
      <PageHeader title={t('document.titleOf', { number: d.number })}>
        <StatusBadge status={d.status} cancelled={!!d.cancelledAt} />
        <TlpBadge tlp={d.envelope.tlp} />
        {mine && catalogue.has('PATCH', '/documents/:id') ? <Button component={Link} href={`/documents/${id}/edit`} variant="default">{t('common.edit')}</Button> : null}
        {mine && !d.cancelledAt && routeFor(catalogue, 'POST', ROUTES.documents.cancel) ? <Button variant="default" onClick={() => setDialog('cancel')}>{t('document.cancel')}</Button> : null}
        {mine && catalogue.has('DELETE', '/documents/:id') ? <Button color="red.9" variant="outline" onClick={() => setDialog('delete')}>{t('common.delete')}</Button> : null}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('document.details')}><Facts rows={rows} /></Section>
        <Section title={t('envelope.legend')}><EnvelopeSummary envelope={d.envelope} /></Section>
      </SimpleGrid>
      <Section title={t('document.sightings')}>
        {(d.sightings ?? []).length === 0 ? <Empty>{t('document.noSightings')}</Empty> : (
          <Table>
            <Table.Thead><Table.Tr><Table.Th>{t('document.sightingKind')}</Table.Th><Table.Th>{t('document.observedOn')}</Table.Th><Table.Th>{t('document.place')}</Table.Th><Table.Th>{t('document.reportedBy')}</Table.Th><Table.Th>{t('document.circumstances')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(d.sightings ?? []).map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{enumLabel(t, 'sighting', s.kind)}</Table.Td>
                  <Table.Td>{date(s.observedOn)}</Table.Td>
                  <Table.Td>{[s.place, s.country ? country(s.country) : ''].filter(Boolean).join(', ') || '—'}</Table.Td>
                  <Table.Td>{orgName(s.reportedBy.org)} · {s.reportedBy.username}</Table.Td>
                  <Table.Td>{s.circumstances ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {hasRole('officer', 'admin') ? <SightingForm id={id} onDone={doc.reload} /> : null}
      </Section>
      {historyRoute ? (
        <Section title={t('history.title')}>
          <ErrorNote error={history.error} />
          {history.data ? <History entries={history.data} /> : <Loading />}
        </Section>
      ) : null}
      <ReasonDialog opened={dialog === 'cancel'} onClose={() => setDialog(null)} title={t('document.cancel')} label={t('common.reason')} confirm={t('document.cancel')}
        onConfirm={async (reason) => { const r = routeFor(catalogue, 'POST', ROUTES.documents.cancel); if (r) { await api.post(fill(r, { id }), { reason }); doc.reload(); history.reload(); } }} />
      <ReasonDialog opened={dialog === 'delete'} onClose={() => setDialog(null)} danger title={t('documents.deleteTitle')} label={t('common.reason')} confirm={t('common.delete')}
        onConfirm={async (reason) => { await api.del(`/documents/${encodeURIComponent(id)}`, { reason }); navigate('/documents'); }} />
    </>
  );
}

interface DocumentDraft {
  number: string; type: string; issuingCountry: string; status: string; issueDate: string; expiryDate: string;
  holderNames: string; holderBirthDate: string; holderSex: string; holderNationality: string; holderPersonId: string;
  reportedOn: string; reportedPlace: string; circumstances: string;
}

function documentDraft(d?: TravelDocument): DocumentDraft {
  return {
    number: d?.number ?? '', type: d?.type ?? 'passport', issuingCountry: d?.issuingCountry ?? '', status: d?.status ?? 'stolen',
    issueDate: d?.issueDate ?? '', expiryDate: d?.expiryDate ?? '',
    holderNames: d?.holder?.names.join('\n') ?? '', holderBirthDate: d?.holder?.birthDate ?? '', holderSex: d?.holder?.sex ?? '',
    holderNationality: d?.holder?.nationality ?? '', holderPersonId: d?.holder?.personId ?? '',
    reportedOn: d?.reportedOn ?? '', reportedPlace: d?.reportedPlace ?? '', circumstances: d?.circumstances ?? '',
  };
}

export function DocumentFormPage({ id }: { id?: string }) {
  const { catalogue } = useSession();
  const { t } = useI18n();
  const existing = useLoad((signal) => (id ? api.get<TravelDocument>(`/documents/${encodeURIComponent(id)}`, undefined, signal) : Promise.resolve(undefined)), [id]);
  if (!catalogue.has('POST', '/documents')) return <><PageHeader title={t('documents.new')} /><Unavailable what={t('documents.title')} /></>;
  if (id && existing.error) return <ErrorNote error={existing.error} />;
  if (id && !existing.data) return <Loading />;
  return <DocumentForm key={existing.data?.id ?? 'new'} doc={existing.data} />;
}

function DocumentForm({ doc }: { doc?: TravelDocument }) {
  const { t } = useI18n();
  const { actor } = useSession();
  const [d, setD] = useState<DocumentDraft>(() => ({ ...documentDraft(doc), issuingCountry: doc?.issuingCountry ?? actor.country ?? '' }));
  const [env, setEnv] = useState<EnvelopeDraft>(() => envelopeDraft(doc?.envelope, { subject: 'other' }));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof DocumentDraft>(k: K, v: DocumentDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const err = (f: string) => messagesFor(problems, f);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setProblems([]);
    const names = d.holderNames.split('\n').map((n) => n.trim()).filter(Boolean);
    const hasHolder = names.length || d.holderBirthDate || d.holderSex || d.holderNationality || d.holderPersonId;
    const changeable = {
      status: d.status,
      issueDate: d.issueDate || null, expiryDate: d.expiryDate || null,
      holder: hasHolder ? { names, birthDate: d.holderBirthDate || null, sex: d.holderSex || null, nationality: d.holderNationality || null, personId: d.holderPersonId || null } : null,
      reportedOn: d.reportedOn || null, reportedPlace: d.reportedPlace || null, circumstances: d.circumstances || null,
    };
    try {
      const saved = doc
        ? await api.patch<TravelDocument>(`/documents/${encodeURIComponent(doc.id)}`, { document: changeable, envelope: envelopeInput(env), expectedVersion: doc.version, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        : await api.post<TravelDocument>('/documents', { document: { number: d.number, type: d.type, issuingCountry: d.issuingCountry, ...changeable }, envelope: envelopeInput(env) });
      navigate(`/documents/${saved.id}`);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) {
        setProblems(err.fields);
        const existing = err.problem.existing;
        if (err.status === 409 && typeof existing === 'string') setError(new ApiError({ ...err.problem, detail: `${err.problem.detail ?? ''} → /documents/${existing}` }));
      }
    } finally { setBusy(false); }
  };
  return (
    <>
      <PageHeader title={doc ? t('document.titleOf', { number: doc.number }) : t('documents.new')} />
      <form onSubmit={(e) => { void submit(e); }} noValidate data-testid="document-form">
        <Stack>
          <ErrorNote error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={t('document.number')} value={d.number} onChange={(e) => set('number', e.currentTarget.value)} error={err('number')} required disabled={!!doc} className="ltr" />
            <Select label={t('document.type')} data={DOCUMENT_TYPES.map((v) => ({ value: v, label: enumLabel(t, 'docType', v) }))} value={d.type} onChange={(v) => set('type', v ?? 'passport')} allowDeselect={false} error={err('type')} disabled={!!doc} />
            <CountrySelect label={t('document.issuingCountry')} value={d.issuingCountry || null} onChange={(v) => set('issuingCountry', v ?? '')} error={err('issuingCountry')} required disabled={!!doc} />
            <Select label={t('document.status')} data={DOCUMENT_STATUSES.map((v) => ({ value: v, label: enumLabel(t, 'docStatus', v) }))} value={d.status} onChange={(v) => set('status', v ?? 'stolen')} allowDeselect={false} error={err('status')} />
            <TextInput type="date" label={t('document.issueDate')} value={d.issueDate} onChange={(e) => set('issueDate', e.currentTarget.value)} error={err('issueDate')} />
            <TextInput type="date" label={t('document.expiryDate')} value={d.expiryDate} onChange={(e) => set('expiryDate', e.currentTarget.value)} error={err('expiryDate')} />
          </SimpleGrid>
          <Fieldset legend={t('document.holder')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label={t('document.holderNames')} description={t('document.holderNamesHint')} value={d.holderNames} onChange={(e) => set('holderNames', e.currentTarget.value)} error={err('holder.names')} autosize minRows={1} />
              <TextInput label={t('person.birthDate')} description={t('person.birthDatesHint')} value={d.holderBirthDate} onChange={(e) => set('holderBirthDate', e.currentTarget.value)} error={err('holder.birthDate')} className="ltr" />
              <Select label={t('person.sex')} clearable data={['M', 'F', 'X'].map((v) => ({ value: v, label: enumLabel(t, 'sex', v) }))} value={d.holderSex || null} onChange={(v) => set('holderSex', v ?? '')} error={err('holder.sex')} />
              <CountrySelect label={t('person.nationality')} value={d.holderNationality || null} onChange={(v) => set('holderNationality', v ?? '')} error={err('holder.nationality')} />
              <TextInput label={t('document.holderPersonId')} value={d.holderPersonId} onChange={(e) => set('holderPersonId', e.currentTarget.value)} error={err('holder.personId')} className="ltr" />
            </SimpleGrid>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('document.reportedOn')} value={d.reportedOn} onChange={(e) => set('reportedOn', e.currentTarget.value)} error={err('reportedOn')} />
            <TextInput label={t('document.reportedPlace')} value={d.reportedPlace} onChange={(e) => set('reportedPlace', e.currentTarget.value)} error={err('reportedPlace')} />
          </SimpleGrid>
          <Textarea label={t('document.circumstances')} value={d.circumstances} onChange={(e) => set('circumstances', e.currentTarget.value)} error={err('circumstances')} autosize minRows={2} />
          <EnvelopeFields value={env} onChange={setEnv} problems={problems} />
          {doc ? <TextInput label={t('common.reasonForChange')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason') ?? err('expectedVersion')} /> : null}
          <Group justify="flex-end">
            <Button variant="default" component={Link} href={doc ? `/documents/${doc.id}` : '/documents'}>{t('common.cancel')}</Button>
            <Button type="submit" loading={busy}>{doc ? t('common.save') : t('documents.create')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
