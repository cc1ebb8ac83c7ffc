import { useState, type FormEvent, type ReactNode } from 'react';
import {
  ActionIcon, Alert, Badge, Button, Checkbox, Fieldset, Group, List, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, ThemeIcon, Title,
} from '@mantine/core';
import { api, ApiError, messagesFor, type FieldProblem } from '../api/client.ts';
import { fill, noticeStepRoute, routeFor, ROUTES } from '../api/endpoints.ts';
import { NOTICE_KINDS, NOTICE_STATUSES, type Checklist as ChecklistReply, type HistoryEntry, type Notice, type NoticeKind, type NoticeStatus, type Page, type ReviewCheck } from '../api/types.ts';
import {
  CountryMultiSelect, CountrySelect, Empty, EnvelopeSummary, ErrorNote, Facts, Loading, OrgMultiSelect, PageHeader, Pager, Section, TlpBadge, Unavailable, enumLabel,
} from '../components.tsx';
import { EnvelopeFields, envelopeDraft, envelopeInput, type EnvelopeDraft } from '../envelope.tsx';
import { useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useLiveEvents } from '../live.tsx';
import { Link, navigate, setQuery, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ReasonDialog } from './Persons.tsx';
import { listOf } from './Hits.tsx';

const PAGE = 20;
type T = (k: MessageKey, v?: Record<string, string | number>) => string;
type Json = Record<string, unknown>;

const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

/** The content of a notice, whether the API nests it (`content`) or spreads it. */
export function contentOf(n: Notice): Json {
  return obj(n.content) ?? (n as unknown as Json);
}

export function subjectName(n: Notice): string | undefined {
  const c = contentOf(n);
  const names = (obj(c.subject)?.names as { value: string; kind?: string }[] | undefined) ?? [];
  const primary = names.find((x) => x.kind === 'primary') ?? names[0];
  return s(n.subjectName) ?? primary?.value ?? s(obj(c.entity)?.name);
}

export function noticeTitle(n: Notice, t: T): string {
  const label = t(`noticeKind.${n.kind}` as MessageKey);
  const name = subjectName(n) ?? s(n.title);
  return name ? `${label}: ${name}` : label;
}

const KIND_COLOURS: Record<string, string> = {
  red: 'red.9', yellow: '#7a5300', blue: 'blue.9', black: 'dark.7', green: '#2f6f3a', orange: '#a33b00', purple: 'grape.9', silver: 'gray.7', un_special: 'indigo.9', diffusion: 'cyan.9',
};

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <Badge color={KIND_COLOURS[kind] ?? 'gray.8'} variant="filled">{enumLabel(t, 'noticeKind', kind)}</Badge>;
}

export function NoticeStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const colour = status === 'published' || status === 'sent' || status === 'reviewed_ok' ? '#2f6f3a' : status === 'refused' ? 'red.9' : status === 'draft' ? 'gray.8' : 'blue.8';
  return <Badge color={colour} variant="outline" data-testid="notice-status">{enumLabel(t, 'status', status)}</Badge>;
}

export function NoticeListPage() {
  const { t, dateTime } = useI18n();
  const { catalogue, hasRole, orgName, actor } = useSession();
  const { query } = useLocation();
  const kind = query.get('kind') ?? '';
  const status = query.get('status') ?? '';
  const owner = query.get('owner') ?? '';
  const q = query.get('q') ?? '';
  const offset = Number(query.get('offset') ?? 0);
  const [text, setText] = useState(q);
  const route = routeFor(catalogue, 'GET', ROUTES.notices.list);
  const list = useLoad(async (signal) => {
    if (!route) return undefined;
    const reply = await api.get<Page<Notice> | Notice[]>(route, { kind, status, owner, q, limit: PAGE, offset }, signal);
    return Array.isArray(reply) ? { total: reply.length, items: reply } : reply;
  }, [route, kind, status, owner, q, offset]);
  useLiveEvents((e) => { if (e.type.startsWith('notice') || e.type.startsWith('diffusion')) list.reload(); });
  return (
    <>
      <PageHeader title={t('notices.title')}>
        {route && hasRole('officer') && routeFor(catalogue, 'POST', ROUTES.notices.create) ? <Button component={Link} href="/notices/new">{t('notices.new')}</Button> : null}
      </PageHeader>
      {!route ? <Unavailable what={t('notices.title')} /> : (
        <>
          <form onSubmit={(e) => { e.preventDefault(); setQuery({ q: text.trim(), offset: undefined }); }} role="search" aria-label={t('notices.search')}>
            <Group align="flex-end" mb="md" wrap="wrap">
              <TextInput label={t('persons.searchName')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <Select label={t('notice.kind')} clearable data={NOTICE_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'noticeKind', k) }))} value={kind || null} onChange={(v) => setQuery({ kind: v, offset: undefined })} w={220} />
              <Select label={t('notice.status')} clearable data={NOTICE_STATUSES.map((k) => ({ value: k, label: enumLabel(t, 'status', k) }))} value={status || null} onChange={(v) => setQuery({ status: v, offset: undefined })} w={180} />
              <Select label={t('envelope.owner')} clearable data={[{ value: actor.orgId, label: t('filter.mine') }]} value={owner || null} onChange={(v) => setQuery({ owner: v, offset: undefined })} w={180} />
              <Button type="submit">{t('common.search')}</Button>
            </Group>
          </form>
          <ErrorNote error={list.error} />
          {list.loading && !list.data ? <Loading /> : null}
          {list.data && list.data.items.length === 0 ? <Empty>{t('notices.none')}</Empty> : null}
          {list.data && list.data.items.length ? (
            <Table.ScrollContainer minWidth={700}>
              <Table striped data-testid="notice-list">
                <Table.Caption>{t('notices.caption', { total: list.data.total })}</Table.Caption>
                <Table.Thead><Table.Tr><Table.Th>{t('notice.title')}</Table.Th><Table.Th>{t('notice.kind')}</Table.Th><Table.Th>{t('notice.reference')}</Table.Th><Table.Th>{t('notice.status')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th><Table.Th>{t('common.updated')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((n) => (
                    <Table.Tr key={n.id}>
                      <Table.Td><Link href={`/notices/${n.id}`} className="link">{subjectName(n) ?? noticeTitle(n, t)}</Link></Table.Td>
                      <Table.Td><KindBadge kind={n.kind} /></Table.Td>
                      <Table.Td className="ltr">{n.reference ?? '—'}</Table.Td>
                      <Table.Td><NoticeStatusBadge status={n.status} /></Table.Td>
                      <Table.Td>{orgName(n.owner ?? n.envelope?.owner)}</Table.Td>
                      <Table.Td>{dateTime(n.updatedAt ?? n.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(o) => setQuery({ offset: o || undefined })} /> : null}
        </>
      )}
    </>
  );
}

// ---- the lifecycle, as the model states it; the API has the last word on every step ----------

interface Step { from: NoticeStatus; to: NoticeStatus; action: string; by: 'owner' | 'secretariat'; needsReasons?: boolean }
const NOTICE_FLOW: Step[] = [
  { from: 'draft', to: 'submitted', action: 'submit', by: 'owner' },
  { from: 'draft', to: 'withdrawn', action: 'withdraw', by: 'owner' },
  { from: 'submitted', to: 'under_review', action: 'take_under_review', by: 'secretariat' },
  { from: 'submitted', to: 'withdrawn', action: 'withdraw', by: 'owner' },
  { from: 'under_review', to: 'published', action: 'publish', by: 'secretariat' },
  { from: 'under_review', to: 'refused', action: 'refuse', by: 'secretariat', needsReasons: true },
  { from: 'under_review', to: 'withdrawn', action: 'withdraw', by: 'owner' },
  { from: 'refused', to: 'draft', action: 'revise', by: 'owner' },
  { from: 'published', to: 'cancelled', action: 'cancel', by: 'owner' },
  { from: 'published', to: 'cancelled', action: 'cancel', by: 'secretariat', needsReasons: true },
];
const DIFFUSION_FLOW: Step[] = [
  { from: 'draft', to: 'sent', action: 'send', by: 'owner' },
  { from: 'draft', to: 'withdrawn', action: 'withdraw', by: 'owner' },
  { from: 'sent', to: 'reviewed_ok', action: 'confirm', by: 'secretariat' },
  { from: 'sent', to: 'refused', action: 'refuse', by: 'secretariat', needsReasons: true },
  { from: 'sent', to: 'cancelled', action: 'cancel', by: 'owner' },
  { from: 'reviewed_ok', to: 'cancelled', action: 'cancel', by: 'owner' },
  { from: 'reviewed_ok', to: 'cancelled', action: 'cancel', by: 'secretariat', needsReasons: true },
];

/** The steps to offer: those the API says the caller may take, else the model's own table. */
function stepsFor(n: Notice, isOwner: boolean, isReviewer: boolean, isOfficer: boolean): Step[] {
  const flow = n.kind === 'diffusion' ? DIFFUSION_FLOW : NOTICE_FLOW;
  const mine = flow.filter((st) => st.from === n.status && ((st.by === 'owner' && isOwner && isOfficer) || (st.by === 'secretariat' && isReviewer)));
  if (!n.actions) return mine;
  const allowed = new Set(n.actions);
  const seen = new Set<string>();
  return [...mine, ...flow.filter((st) => st.from === n.status)].filter((st) => {
    if (!allowed.has(st.action) || seen.has(st.action)) return false;
    seen.add(st.action);
    return true;
  });
}

function Checklist({ checks }: { checks: ReviewCheck[] }) {
  const { t } = useI18n();
  return (
    <List spacing="xs" data-testid="checklist" listStyleType="none" p={0}>
      {checks.map((c) => (
        <List.Item key={c.rule} icon={
          <ThemeIcon color={c.passed ? '#2f6f3a' : c.blocking ? 'red.9' : '#a33b00'} size={22} radius="xl" aria-hidden>
            {c.passed ? '✓' : '!'}
          </ThemeIcon>
        }>
          <Text span fw={600}>{enumLabel(t, 'rule', c.rule)}</Text>
          <Text span> — {c.passed ? t('review.passed') : c.blocking ? t('review.blocking') : t('review.warning')}: </Text>
          <Text span>{c.message}</Text>
        </List.Item>
      ))}
    </List>
  );
}

function renderValue(v: unknown, t: T, country: (c: string) => string, date: (d: string) => string): ReactNode {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    if (/^[A-Z]{3}$/.test(v)) return country(v);
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return date(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object')) return v.map((x) => renderValue(x, t, country, date)).map(String).join(', ') || '—';
    return <Stack gap={2}>{v.map((x, i) => <div key={i}>{renderValue(x, t, country, date)}</div>)}</Stack>;
  }
  const o = v as Json;
  if (typeof o.value === 'string' && Object.keys(o).length <= 5) return `${o.value}${o.kind ? ` (${enumLabel(t, 'nameKind', String(o.kind))}${o.script ? `, ${String(o.script)}` : ''})` : ''}`;
  return (
    <dl className="facts">
      {Object.entries(o).map(([k, x]) => (
        <div key={k} className="facts-row"><dt>{enumLabel(t, 'field', k)}</dt><dd>{renderValue(x, t, country, date)}</dd></div>
      ))}
    </dl>
  );
}

const CONTENT_HIDDEN = new Set(['id', 'kind', 'owner', 'status', 'reference', 'createdAt', 'updatedAt', 'envelope', 'decisionReasons', 'version', 'content', 'review', 'checks', 'checklist', 'actions', 'title', 'subjectName', 'publishedAt', 'submittedAt', 'history']);

export function NoticePage({ id }: { id: string }) {
  const { t, dateTime, country, date } = useI18n();
  const { catalogue, actor, hasRole, orgName } = useSession();
  const oneRoute = routeFor(catalogue, 'GET', ROUTES.notices.one);
  const checklistRoute = routeFor(catalogue, 'POST', ROUTES.notices.checklist);
  const historyRoute = routeFor(catalogue, 'GET', ROUTES.notices.history);
  const notice = useLoad((signal) => (oneRoute ? api.get<Notice>(fill(oneRoute, { id }), undefined, signal) : Promise.resolve(undefined)), [oneRoute, id]);
  const isReviewer = hasRole('reviewer') && actor.orgKind === 'secretariat';
  const inReview = notice.data ? ['submitted', 'under_review', 'sent'].includes(notice.data.status) : false;
  const [justification, setJustification] = useState('');
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [checkTick, setCheckTick] = useState(0);
  const review = useLoad(async (signal) => {
    if (!notice.data || !checklistRoute || !isReviewer || !inReview) return undefined;
    return api.post<ChecklistReply>(fill(checklistRoute, { id }), { ...(justification.trim() ? { justification: justification.trim() } : {}), acknowledgedDuplicates: acknowledged }, { signal });
    // The checklist is recomputed on demand (checkTick), not on every keystroke of the justification.
  }, [notice.data, checklistRoute, isReviewer, inReview, id, checkTick]);
  const history = useLoad((signal) => (historyRoute ? api.get<HistoryEntry[]>(fill(historyRoute, { id }), undefined, signal) : Promise.resolve(undefined)), [historyRoute, id]);
  const [reasonsFor, setReasonsFor] = useState<Step | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useLiveEvents((e) => { if (e.recordId === id) { notice.reload(); history.reload(); } });

  if (!oneRoute) return <><PageHeader title={t('notices.title')} /><Unavailable what={t('notices.title')} /></>;
  if (notice.error) return <><PageHeader title={t('notices.title')} /><ErrorNote error={notice.error} /></>;
  if (!notice.data) return <Loading />;
  const n = notice.data;
  const owner = n.owner ?? n.envelope?.owner;
  const isOwner = owner === actor.orgId;
  const steps = stepsFor(n, isOwner, isReviewer, hasRole('officer'));
  const checks = review.data?.checks ?? [];
  const duplicates = review.data?.possibleDuplicates ?? [];
  const blocked = review.data ? !review.data.canPublish : false;

  const take = async (step: Step, reasons?: string[]) => {
    const route = noticeStepRoute(catalogue, step.action, id);
    if (!route) { setError(new ApiError({ status: 404, detail: t('notice.stepUnavailable') })); return; }
    setBusy(step.action);
    setError(null);
    try {
      const extra: Json = {};
      if (reasons?.length) extra.reasons = reasons;
      if (step.action === 'publish' || step.action === 'confirm') {
        if (justification.trim()) extra.justification = justification.trim();
        if (acknowledged.length) extra.acknowledgedDuplicates = acknowledged;
      }
      await api.post(route.path, route.body(extra));
      notice.reload();
      history.reload();
      setCheckTick((x) => x + 1);
    } catch (err) { setError(err); } finally { setBusy(null); }
  };

  const c = contentOf(n);
  const contentRows: [string, ReactNode][] = Object.entries(c)
    .filter(([k]) => !CONTENT_HIDDEN.has(k))
    .map(([k, v]) => [enumLabel(t, 'field', k), renderValue(v, t, country, date)]);
  const extractOffered = (n.kind === 'red' || n.kind === 'yellow') && n.status === 'published' && c.publicExtractAgreed === true;
  const deciding = steps.some((st) => st.action === 'publish' || st.action === 'confirm');
  return (
    <>
      <PageHeader title={noticeTitle(n, t)}>
        <KindBadge kind={n.kind} />
        <NoticeStatusBadge status={n.status} />
        {n.envelope ? <TlpBadge tlp={n.envelope.tlp} /> : null}
        {isOwner && n.status === 'draft' && hasRole('officer') && catalogue.has('PATCH', '/notices/:id') ? <Button variant="default" component={Link} href={`/notices/${id}/edit`}>{t('common.edit')}</Button> : null}
        {extractOffered ? <Button variant="default" component={Link} href={`/public/notices/${id}`}>{t('notice.extract')}</Button> : null}
      </PageHeader>
      <ErrorNote error={error} />
      {n.decisionReasons?.length ? (
        <Alert color={n.status === 'refused' ? 'red.9' : 'gray.8'} variant="outline" title={t('notice.decisionReasons')} mb="md">
          <List>{n.decisionReasons.map((r, i) => <List.Item key={i}>{r}</List.Item>)}</List>
        </Alert>
      ) : null}
      {steps.length ? (
        <Paper withBorder p="md" mb="lg" data-testid="notice-actions">
          <Title order={2} size="h4" mb="xs">{isReviewer && !isOwner ? t('review.title') : t('notice.actions')}</Title>
          {isReviewer && inReview && review.loading && !review.data ? <Loading /> : null}
          <ErrorNote error={review.error} />
          {isReviewer && checks.length ? <Checklist checks={checks} /> : null}
          {isReviewer && duplicates.length ? (
            <Stack gap={4} mt="sm">
              <Text fw={600}>{t('review.duplicates')}</Text>
              {duplicates.map((d) => (
                <Group key={d.id} gap="xs">
                  <Checkbox
                    label={t('review.notSame', { title: d.title, ref: d.reference ?? '—' })}
                    checked={acknowledged.includes(d.id)}
                    onChange={(e) => { const on = e.currentTarget.checked; setAcknowledged((a) => (on ? [...a, d.id] : a.filter((x) => x !== d.id))); }}
                  />
                  <Link href={`/notices/${d.id}`} className="link">{t('review.open')}</Link>
                </Group>
              ))}
            </Stack>
          ) : null}
          {deciding ? (
            <Group align="flex-end" mt="sm">
              <Textarea style={{ flex: 1 }} label={t('review.justification')} description={t('review.justificationHint')} value={justification} onChange={(e) => setJustification(e.currentTarget.value)} autosize minRows={2} />
              <Button variant="default" onClick={() => setCheckTick((x) => x + 1)}>{t('review.recheck')}</Button>
            </Group>
          ) : null}
          <Group mt="md">
            {steps.map((st) => (
              <Button
                key={`${st.action}-${st.by}`}
                color={st.action === 'refuse' || st.action === 'cancel' || st.action === 'withdraw' ? 'red.9' : undefined}
                variant={st.action === 'refuse' || st.action === 'cancel' || st.action === 'withdraw' ? 'outline' : 'filled'}
                loading={busy === st.action}
                disabled={(st.action === 'publish' || st.action === 'confirm') && blocked}
                onClick={() => { if (st.needsReasons) setReasonsFor(st); else void take(st); }}
                data-action={st.action}
              >
                {t(`action.${st.action}` as MessageKey)}
              </Button>
            ))}
          </Group>
          {deciding && blocked ? <Text size="sm" c="red.9" mt="xs">{t('review.blocked')}</Text> : null}
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('notice.content')}>
          <Facts rows={[
            [t('notice.reference'), <span key="r" className="ltr">{n.reference ?? '—'}</span>],
            [t('envelope.owner'), orgName(owner)],
            [t('common.created'), dateTime(n.createdAt)],
            ...(n.publishedAt ? [[t('status.published'), dateTime(n.publishedAt)] as [string, ReactNode]] : []),
            ...(n.recipients?.length ? [[t('notice.recipients'), n.recipients.map(orgName).join(', ')] as [string, ReactNode]] : []),
            ...contentRows,
          ]} />
        </Section>
        {n.envelope ? <Section title={t('envelope.legend')}><EnvelopeSummary envelope={n.envelope} /></Section> : null}
      </SimpleGrid>
      {history.data ? <Section title={t('history.title')}><NoticeHistory entries={history.data as unknown as Json[]} /></Section> : null}
      <ReasonDialog
        opened={reasonsFor !== null}
        onClose={() => setReasonsFor(null)}
        danger
        title={reasonsFor ? t(`action.${reasonsFor.action}` as MessageKey) : ''}
        label={t('notice.reasonsLabel')}
        confirm={reasonsFor ? t(`action.${reasonsFor.action}` as MessageKey) : ''}
        onConfirm={async (text) => { if (reasonsFor) await take(reasonsFor, text.split('\n').map((r) => r.trim()).filter(Boolean)); }}
      />
    </>
  );
}

/** The lifecycle as the API records it: who took which step, when, and why. */
function NoticeHistory({ entries }: { entries: Json[] }) {
  const { t, dateTime } = useI18n();
  if (!entries.length) return <Empty>{t('history.none')}</Empty>;
  return (
    <Table data-testid="history">
      <Table.Thead><Table.Tr><Table.Th>{t('history.when')}</Table.Th><Table.Th>{t('history.who')}</Table.Th><Table.Th>{t('history.change')}</Table.Th><Table.Th>{t('history.reason')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {entries.map((h, i) => {
          const action = s(h.action) ?? s(h.change) ?? '';
          const from = s(h.from);
          const to = s(h.to);
          const reasons = Array.isArray(h.reasons) ? (h.reasons as string[]).join('; ') : s(h.reason) ?? '—';
          return (
            <Table.Tr key={i}>
              <Table.Td>{dateTime(s(h.at) ?? s(h.changedAt))}</Table.Td>
              <Table.Td className="ltr">{s(h.username) ?? s(h.by) ?? s(h.changedBy) ?? '—'}</Table.Td>
              <Table.Td>{enumLabel(t, 'action', action)}{from && to && from !== to ? ` (${enumLabel(t, 'status', from)} → ${enumLabel(t, 'status', to)})` : ''}</Table.Td>
              <Table.Td>{reasons || '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

// ---- the request form ---------------------------------------------------------------------

const SUBJECT_KINDS: NoticeKind[] = ['red', 'yellow', 'blue', 'green', 'silver'];
const OPTIONAL_SUBJECT: NoticeKind[] = ['orange', 'un_special', 'diffusion'];
const SCRIPTS = ['Latn', 'Arab', 'Cyrl', 'Hani'] as const;
const NOTICE_SEXES = ['male', 'female', 'unspecified'] as const;

interface Draft {
  kind: NoticeKind;
  withSubject: boolean;
  names: { value: string; kind: string; script: string }[];
  sex: string; datesOfBirth: string; nationalities: string[]; birthCountry: string; birthLocality: string;
  identifiers: { type: string; value: string; country: string }[]; marks: string; languages: string; heightCm: number | '';
  offenceDescription: string; offenceLaw: string; penaltyYears: number | ''; penaltyLife: boolean; committedOn: string; committedIn: string[];
  withLegalBasis: boolean; legalKind: string; legalReference: string; legalAuthority: string; legalDate: string; extraditionIntent: boolean;
  lastSeenOn: string; lastSeenCountry: string; lastSeenLocality: string; circumstances: string;
  informationSought: string; relatedOffence: string;
  activityDescription: string; activityCountries: string[]; activityBasis: string;
  bodyFoundOn: string; bodyCountry: string; bodyLocality: string; bodySex: string; ageMin: number | ''; ageMax: number | ''; bodyHeight: number | ''; bodyMarks: string; causeOfDeath: string;
  crimeType: string; method: string; concealment: string; route: string[]; indicators: string;
  assets: { type: string; description: string; country: string; amount: number | ''; currency: string }[];
  threatNature: string; threatDescription: string; actionAdvised: string; expiresAt: string;
  committee: string; sanctionsReference: string; measures: string[]; entityName: string; entityAliases: string; entityCountry: string;
  purpose: string; recipients: string[]; message: string;
  publicExtractAgreed: boolean; remarks: string;
}

const emptyDraft = (): Draft => ({
  kind: 'red', withSubject: false,
  names: [{ value: '', kind: 'primary', script: 'Latn' }], sex: '', datesOfBirth: '', nationalities: [], birthCountry: '', birthLocality: '',
  identifiers: [], marks: '', languages: '', heightCm: '',
  offenceDescription: '', offenceLaw: '', penaltyYears: '', penaltyLife: false, committedOn: '', committedIn: [],
  withLegalBasis: true, legalKind: 'arrest_warrant', legalReference: '', legalAuthority: '', legalDate: '', extraditionIntent: true,
  lastSeenOn: '', lastSeenCountry: '', lastSeenLocality: '', circumstances: '',
  informationSought: '', relatedOffence: '',
  activityDescription: '', activityCountries: [], activityBasis: '',
  bodyFoundOn: '', bodyCountry: '', bodyLocality: '', bodySex: '', ageMin: '', ageMax: '', bodyHeight: '', bodyMarks: '', causeOfDeath: '',
  crimeType: '', method: '', concealment: '', route: [], indicators: '',
  assets: [{ type: 'bank_account', description: '', country: '', amount: '', currency: '' }],
  threatNature: 'person', threatDescription: '', actionAdvised: '', expiresAt: '',
  committee: '', sanctionsReference: '', measures: [], entityName: '', entityAliases: '', entityCountry: '',
  purpose: 'locate', recipients: [], message: '',
  publicExtractAgreed: false, remarks: '',
});

const lines = (v: string) => v.split('\n').map((x) => x.trim()).filter(Boolean);
const commaList = (v: string) => v.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
const place = (country: string, locality: string) => ({ country, ...(locality.trim() ? { locality: locality.trim() } : {}) });

function draftFrom(n: Notice): Draft {
  const d = emptyDraft();
  const c = contentOf(n);
  const subj = obj(c.subject);
  d.kind = n.kind;
  if (subj) {
    d.withSubject = true;
    d.names = ((subj.names as Draft['names'] | undefined) ?? []).map((x) => ({ value: x.value, kind: x.kind, script: x.script ?? 'Latn' }));
    d.sex = s(subj.sex) ?? '';
    d.datesOfBirth = ((subj.datesOfBirth as string[] | undefined) ?? []).join(', ');
    d.nationalities = (subj.nationalities as string[] | undefined) ?? [];
    d.birthCountry = s(obj(subj.placeOfBirth)?.country) ?? '';
    d.birthLocality = s(obj(subj.placeOfBirth)?.locality) ?? '';
    d.identifiers = ((subj.identifiers as Draft['identifiers'] | undefined) ?? []).map((x) => ({ type: x.type, value: x.value, country: x.country ?? '' }));
    d.marks = ((subj.distinguishingMarks as string[] | undefined) ?? []).join('\n');
    d.languages = ((subj.languages as string[] | undefined) ?? []).join(', ');
    d.heightCm = typeof subj.heightCm === 'number' ? subj.heightCm : '';
  }
  const off = obj(c.offence);
  if (off) {
    d.offenceDescription = s(off.description) ?? ''; d.offenceLaw = s(off.law) ?? '';
    const pen = obj(off.penaltyMax);
    d.penaltyYears = typeof pen?.years === 'number' ? pen.years : ''; d.penaltyLife = pen?.life === true;
    d.committedOn = s(off.committedOn) ?? ''; d.committedIn = (off.committedIn as string[] | undefined) ?? [];
  }
  const lb = obj(c.legalBasis);
  d.withLegalBasis = !!lb;
  if (lb) { d.legalKind = s(lb.kind) ?? 'arrest_warrant'; d.legalReference = s(lb.reference) ?? ''; d.legalAuthority = s(lb.issuingAuthority) ?? ''; d.legalDate = s(lb.dateIssued) ?? ''; }
  d.extraditionIntent = c.extraditionIntent === true;
  d.publicExtractAgreed = c.publicExtractAgreed === true;
  d.remarks = s(c.remarks) ?? '';
  const ls = obj(c.lastSeen);
  if (ls) { d.lastSeenOn = s(ls.on) ?? ''; d.lastSeenCountry = s(obj(ls.place)?.country) ?? ''; d.lastSeenLocality = s(obj(ls.place)?.locality) ?? ''; }
  d.circumstances = s(c.circumstances) ?? '';
  d.informationSought = s(c.informationSought) ?? ''; d.relatedOffence = s(c.relatedOffence) ?? '';
  d.message = s(c.message) ?? ''; d.purpose = s(c.purpose) ?? 'locate'; d.recipients = (c.recipients as string[] | undefined) ?? [];
  const ca = obj(c.criminalActivity);
  if (ca) { d.activityDescription = s(ca.description) ?? ''; d.activityCountries = (ca.countries as string[] | undefined) ?? []; d.activityBasis = s(ca.basis) ?? ''; }
  const body = obj(c.body);
  if (body) {
    d.bodyFoundOn = s(body.foundOn) ?? ''; d.bodyCountry = s(obj(body.place)?.country) ?? ''; d.bodyLocality = s(obj(body.place)?.locality) ?? '';
    d.bodySex = s(body.sex) ?? ''; d.ageMin = typeof body.estimatedAgeMin === 'number' ? body.estimatedAgeMin : ''; d.ageMax = typeof body.estimatedAgeMax === 'number' ? body.estimatedAgeMax : '';
    d.bodyHeight = typeof body.heightCm === 'number' ? body.heightCm : ''; d.bodyMarks = ((body.marks as string[] | undefined) ?? []).join('\n'); d.causeOfDeath = s(body.causeOfDeath) ?? '';
  }
  const mo = obj(c.modusOperandi);
  if (mo) {
    d.crimeType = s(mo.crimeType) ?? ''; d.method = s(mo.method) ?? ''; d.concealment = s(mo.concealment) ?? '';
    d.route = (mo.route as string[] | undefined) ?? []; d.indicators = ((mo.indicators as string[] | undefined) ?? []).join('\n');
  }
  if (Array.isArray(c.assets)) {
    d.assets = (c.assets as Json[]).map((a) => ({
      type: s(a.type) ?? 'other', description: s(a.description) ?? '', country: s(a.country) ?? '',
      amount: typeof obj(a.estimatedValue)?.amount === 'number' ? (obj(a.estimatedValue)!.amount as number) : '', currency: s(obj(a.estimatedValue)?.currency) ?? '',
    }));
  }
  const threat = obj(c.threat);
  if (threat) { d.threatNature = s(threat.nature) ?? 'person'; d.threatDescription = s(threat.description) ?? ''; d.actionAdvised = s(threat.actionAdvised) ?? ''; }
  if (s(c.expiresAt)) d.expiresAt = s(c.expiresAt)!.slice(0, 16);
  const sanctions = obj(c.sanctions);
  if (sanctions) { d.committee = s(sanctions.committee) ?? ''; d.sanctionsReference = s(sanctions.reference) ?? ''; d.measures = (sanctions.measures as string[] | undefined) ?? []; }
  const entity = obj(c.entity);
  if (entity) { d.entityName = s(entity.name) ?? ''; d.entityAliases = ((entity.aliases as string[] | undefined) ?? []).join(', '); d.entityCountry = s(entity.country) ?? ''; }
  return d;
}

/** The notice content the API takes, for the chosen kind; references the form does not edit (photos, DNA, prints) are kept. */
function contentFrom(d: Draft, original?: Json): Json {
  const originalSubject = obj(original?.subject);
  const originalBody = obj(original?.body);
  const subject = {
    names: d.names.filter((x) => x.value.trim()).map((x) => ({ value: x.value.trim(), kind: x.kind, script: x.script })),
    ...(d.sex ? { sex: d.sex } : {}),
    datesOfBirth: commaList(d.datesOfBirth),
    ...(d.birthCountry ? { placeOfBirth: place(d.birthCountry, d.birthLocality) } : {}),
    nationalities: d.nationalities,
    identifiers: d.identifiers.filter((x) => x.value.trim()).map((x) => ({ type: x.type, value: x.value.trim(), ...(x.country ? { country: x.country } : {}) })),
    distinguishingMarks: lines(d.marks),
    photoRefs: (originalSubject?.photoRefs as string[] | undefined) ?? [],
    ...(commaList(d.languages).length ? { languages: commaList(d.languages) } : {}),
    ...(d.heightCm !== '' ? { heightCm: Number(d.heightCm) } : {}),
  };
  const offence = {
    description: d.offenceDescription, law: d.offenceLaw,
    ...(d.penaltyLife ? { penaltyMax: { life: true } } : d.penaltyYears !== '' ? { penaltyMax: { years: Number(d.penaltyYears) } } : {}),
    ...(d.committedOn ? { committedOn: d.committedOn } : {}),
    ...(d.committedIn.length ? { committedIn: d.committedIn } : {}),
  };
  const legalBasis = { kind: d.legalKind, reference: d.legalReference, issuingAuthority: d.legalAuthority, dateIssued: d.legalDate };
  const base: Json = { kind: d.kind, ...(d.remarks.trim() ? { remarks: d.remarks.trim() } : {}) };
  if (d.kind === 'red' || d.kind === 'yellow') base.publicExtractAgreed = d.publicExtractAgreed;
  const maybeSubject = d.withSubject ? { subject } : {};
  switch (d.kind) {
    case 'red': return { ...base, subject, offence, ...(d.withLegalBasis ? { legalBasis } : {}), extraditionIntent: d.extraditionIntent };
    case 'yellow': return { ...base, subject, lastSeen: { on: d.lastSeenOn, place: place(d.lastSeenCountry, d.lastSeenLocality) }, circumstances: d.circumstances };
    case 'blue': return { ...base, subject, informationSought: d.informationSought, ...(d.relatedOffence.trim() ? { relatedOffence: d.relatedOffence } : {}) };
    case 'green': return { ...base, subject, criminalActivity: { description: d.activityDescription, countries: d.activityCountries, basis: d.activityBasis } };
    case 'black': return {
      ...base,
      body: {
        foundOn: d.bodyFoundOn, place: place(d.bodyCountry, d.bodyLocality), ...(d.bodySex ? { sex: d.bodySex } : {}),
        ...(d.ageMin !== '' ? { estimatedAgeMin: Number(d.ageMin) } : {}), ...(d.ageMax !== '' ? { estimatedAgeMax: Number(d.ageMax) } : {}),
        ...(d.bodyHeight !== '' ? { heightCm: Number(d.bodyHeight) } : {}), marks: lines(d.bodyMarks), ...(d.causeOfDeath.trim() ? { causeOfDeath: d.causeOfDeath } : {}),
        ...(s(originalBody?.dnaProfileRef) ? { dnaProfileRef: s(originalBody?.dnaProfileRef) } : {}),
        ...(s(originalBody?.fingerprintsRef) ? { fingerprintsRef: s(originalBody?.fingerprintsRef) } : {}),
        photoRefs: (originalBody?.photoRefs as string[] | undefined) ?? [],
      },
    };
    case 'purple': return { ...base, modusOperandi: { crimeType: d.crimeType, method: d.method, ...(d.concealment.trim() ? { concealment: d.concealment } : {}), route: d.route, indicators: lines(d.indicators) } };
    case 'silver': return {
      ...base, subject, offence,
      assets: d.assets.filter((a) => a.description.trim()).map((a) => ({ type: a.type, description: a.description, country: a.country, ...(a.amount !== '' ? { estimatedValue: { amount: Number(a.amount), currency: a.currency } } : {}) })),
    };
    case 'orange': return { ...base, ...maybeSubject, threat: { nature: d.threatNature, description: d.threatDescription, actionAdvised: d.actionAdvised }, expiresAt: d.expiresAt ? new Date(d.expiresAt).toISOString() : '' };
    case 'un_special': return {
      ...base, ...maybeSubject,
      ...(d.entityName.trim() ? { entity: { name: d.entityName, aliases: commaList(d.entityAliases), ...(d.entityCountry ? { country: d.entityCountry } : {}) } } : {}),
      sanctions: { committee: d.committee, reference: d.sanctionsReference, measures: d.measures },
    };
    case 'diffusion': return { ...base, ...maybeSubject, purpose: d.purpose, recipients: d.recipients, message: d.message, ...(d.offenceDescription.trim() ? { offence } : {}) };
  }
}

export function NoticeFormPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const { catalogue } = useSession();
  const existing = useLoad((signal) => (id ? api.get<Notice>(`/notices/${encodeURIComponent(id)}`, undefined, signal) : Promise.resolve(undefined)), [id]);
  const route = routeFor(catalogue, 'POST', ROUTES.notices.create);
  if (!route) return <><PageHeader title={t('notices.new')} /><Unavailable what={t('notices.title')} /></>;
  if (id && existing.error) return <ErrorNote error={existing.error} />;
  if (id && !existing.data) return <Loading />;
  return <NoticeForm key={existing.data?.id ?? 'new'} notice={existing.data} createRoute={route} />;
}

function NoticeForm({ notice, createRoute }: { notice?: Notice; createRoute: string }) {
  const { t } = useI18n();
  const { catalogue } = useSession();
  const [d, setD] = useState<Draft>(() => (notice ? draftFrom(notice) : emptyDraft()));
  const [env, setEnv] = useState<EnvelopeDraft>(() => envelopeDraft(notice?.envelope, { audience: 'all', tlp: 'GREEN', subject: 'suspect' }));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const err = (f: string) => messagesFor(problems, f);
  const hasSubject = SUBJECT_KINDS.includes(d.kind) || (OPTIONAL_SUBJECT.includes(d.kind) && d.withSubject);

  const save = async (andSubmit: boolean) => {
    setBusy(andSubmit ? 'submit' : 'draft');
    setError(null);
    setProblems([]);
    try {
      const body = { notice: contentFrom(d, notice ? contentOf(notice) : undefined), envelope: envelopeInput(env) };
      const saved = notice
        ? await api.patch<Notice>(`/notices/${encodeURIComponent(notice.id)}`, { ...body, ...(typeof notice.version === 'number' ? { expectedVersion: notice.version } : {}) })
        : await api.post<Notice>(createRoute, body);
      if (andSubmit) {
        const step = noticeStepRoute(catalogue, d.kind === 'diffusion' ? 'send' : 'submit', saved.id);
        if (step) await api.post(step.path, step.body({}));
      }
      navigate(`/notices/${saved.id}`);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) setProblems(e.fields);
    } finally { setBusy(null); }
  };
  const submit = (e: FormEvent) => { e.preventDefault(); void save(true); };

  const countryOf = (label: MessageKey, value: string, onChange: (v: string) => void, field: string, required = false) => (
    <CountrySelect label={t(label)} value={value || null} onChange={(v) => onChange(v ?? '')} error={err(field)} required={required} />
  );

  return (
    <>
      <PageHeader title={notice ? t('notice.editTitle') : t('notices.new')} />
      <form onSubmit={submit} noValidate data-testid="notice-form">
        <Stack>
          <ErrorNote error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('notice.kind')} data={NOTICE_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'noticeKind', k) }))} value={d.kind} onChange={(v) => set('kind', (v ?? 'red') as NoticeKind)} allowDeselect={false} disabled={!!notice} name="kind" error={err('kind')} />
            <Text size="sm" mt={28}>{t(`noticeHelp.${d.kind}` as MessageKey)}</Text>
          </SimpleGrid>
          {OPTIONAL_SUBJECT.includes(d.kind) ? <Checkbox label={t('notice.aboutPerson')} checked={d.withSubject} onChange={(e) => set('withSubject', e.currentTarget.checked)} /> : null}
          {hasSubject ? (
            <Fieldset legend={t('notice.subject')}>
              <Stack gap="xs">
                {exactForField(problems, 'subject.names') ? <Text c="red.9" size="sm" role="alert">{exactForField(problems, 'subject.names')}</Text> : null}
                {d.names.map((x, i) => (
                  <Group key={i} align="flex-start" wrap="wrap">
                    <TextInput label={t('person.name')} value={x.value} required={i === 0} style={{ flex: 2, minWidth: 220 }} name={`subject.names.${i}.value`}
                      onChange={(e) => { const v = e.currentTarget.value; set('names', d.names.map((y, j) => (j === i ? { ...y, value: v } : y))); }} error={err(`subject.names.${i}`)} />
                    <Select label={t('person.nameKind')} data={['primary', 'alias', 'birth', 'maiden'].map((k) => ({ value: k, label: enumLabel(t, 'nameKind', k) }))} value={x.kind} w={160} allowDeselect={false}
                      onChange={(v) => set('names', d.names.map((y, j) => (j === i ? { ...y, kind: v ?? 'alias' } : y)))} />
                    <Select label={t('person.script')} data={SCRIPTS.map((k) => ({ value: k, label: enumLabel(t, 'script', k) }))} value={x.script} w={150} allowDeselect={false}
                      onChange={(v) => set('names', d.names.map((y, j) => (j === i ? { ...y, script: v ?? 'Latn' } : y)))} />
                    {d.names.length > 1 ? <ActionIcon variant="default" mt={26} size="lg" aria-label={t('person.removeName', { n: i + 1 })} onClick={() => set('names', d.names.filter((_, j) => j !== i))}>×</ActionIcon> : null}
                  </Group>
                ))}
                <Group><Button variant="default" size="xs" onClick={() => set('names', [...d.names, { value: '', kind: 'alias', script: 'Latn' }])}>{t('person.addName')}</Button></Group>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                  <Select label={t('person.sex')} clearable data={NOTICE_SEXES.map((v) => ({ value: v, label: enumLabel(t, 'sexWord', v) }))} value={d.sex || null} onChange={(v) => set('sex', v ?? '')} error={err('subject.sex')} />
                  <TextInput label={t('person.birthDates')} description={t('person.birthDatesHint')} value={d.datesOfBirth} onChange={(e) => set('datesOfBirth', e.currentTarget.value)} error={err('subject.datesOfBirth')} className="ltr" />
                  <CountryMultiSelect label={t('person.nationalities')} value={d.nationalities} onChange={(v) => set('nationalities', v)} error={err('subject.nationalities')} />
                  {countryOf('person.birthCountry', d.birthCountry, (v) => set('birthCountry', v), 'subject.placeOfBirth')}
                  <TextInput label={t('person.birthPlace')} value={d.birthLocality} onChange={(e) => set('birthLocality', e.currentTarget.value)} />
                  <NumberInput label={t('person.heightCm')} value={d.heightCm} onChange={(v) => set('heightCm', typeof v === 'number' ? v : '')} error={err('subject.heightCm')} />
                  <Textarea label={t('person.marks')} description={t('person.marksHint')} value={d.marks} onChange={(e) => set('marks', e.currentTarget.value)} autosize minRows={1} error={err('subject.distinguishingMarks')} />
                  <TextInput label={t('person.languages')} description={t('person.languagesHint')} value={d.languages} onChange={(e) => set('languages', e.currentTarget.value)} error={err('subject.languages')} />
                </SimpleGrid>
                {d.identifiers.map((x, i) => (
                  <Group key={i} align="flex-start" wrap="wrap">
                    <TextInput label={t('person.identifierKind')} value={x.type} w={160} onChange={(e) => { const v = e.currentTarget.value; set('identifiers', d.identifiers.map((y, j) => (j === i ? { ...y, type: v } : y))); }} />
                    <TextInput label={t('person.identifierValue')} value={x.value} w={200} className="ltr" onChange={(e) => { const v = e.currentTarget.value; set('identifiers', d.identifiers.map((y, j) => (j === i ? { ...y, value: v } : y))); }} error={err(`subject.identifiers.${i}`)} />
                    <CountrySelect label={t('person.identifierCountry')} value={x.country || null} w={220} onChange={(v) => set('identifiers', d.identifiers.map((y, j) => (j === i ? { ...y, country: v ?? '' } : y)))} />
                    <ActionIcon variant="default" mt={26} size="lg" aria-label={t('person.removeIdentifier', { n: i + 1 })} onClick={() => set('identifiers', d.identifiers.filter((_, j) => j !== i))}>×</ActionIcon>
                  </Group>
                ))}
                <Group><Button variant="default" size="xs" onClick={() => set('identifiers', [...d.identifiers, { type: 'passport', value: '', country: '' }])}>{t('person.addIdentifier')}</Button></Group>
              </Stack>
            </Fieldset>
          ) : null}
          {d.kind === 'red' || d.kind === 'silver' || (d.kind === 'diffusion' && d.purpose === 'arrest') ? (
            <Fieldset legend={t('notice.offence')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea label={t('notice.offenceDescription')} value={d.offenceDescription} onChange={(e) => set('offenceDescription', e.currentTarget.value)} error={err('offence.description') ?? exactForField(problems, 'offence')} autosize minRows={2} name="offence.description" />
                <TextInput label={t('notice.law')} value={d.offenceLaw} onChange={(e) => set('offenceLaw', e.currentTarget.value)} error={err('offence.law')} name="offence.law" />
                <NumberInput label={t('notice.penaltyYears')} value={d.penaltyYears} onChange={(v) => set('penaltyYears', typeof v === 'number' ? v : '')} min={0} disabled={d.penaltyLife} error={err('offence.penaltyMax')} name="offence.penaltyYears" />
                <Checkbox mt={30} label={t('notice.penaltyLife')} checked={d.penaltyLife} onChange={(e) => set('penaltyLife', e.currentTarget.checked)} />
                <TextInput label={t('notice.committedOn')} description={t('person.birthDatesHint')} value={d.committedOn} onChange={(e) => set('committedOn', e.currentTarget.value)} error={err('offence.committedOn')} className="ltr" />
                <CountryMultiSelect label={t('notice.committedIn')} value={d.committedIn} onChange={(v) => set('committedIn', v)} error={err('offence.committedIn')} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'red' ? (
            <Fieldset legend={t('notice.legalBasis')}>
              <Checkbox label={t('notice.hasLegalBasis')} checked={d.withLegalBasis} onChange={(e) => set('withLegalBasis', e.currentTarget.checked)} mb="xs" />
              {d.withLegalBasis ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select label={t('notice.legalKind')} data={['arrest_warrant', 'court_decision'].map((k) => ({ value: k, label: enumLabel(t, 'legalKind', k) }))} value={d.legalKind} onChange={(v) => set('legalKind', v ?? 'arrest_warrant')} allowDeselect={false} />
                  <TextInput label={t('notice.warrantReference')} value={d.legalReference} onChange={(e) => set('legalReference', e.currentTarget.value)} error={err('legalBasis.reference')} name="legalBasis.reference" />
                  <TextInput label={t('notice.issuingAuthority')} value={d.legalAuthority} onChange={(e) => set('legalAuthority', e.currentTarget.value)} error={err('legalBasis.issuingAuthority')} name="legalBasis.issuingAuthority" />
                  <TextInput type="date" label={t('notice.dateIssued')} value={d.legalDate} onChange={(e) => set('legalDate', e.currentTarget.value)} error={err('legalBasis.dateIssued')} name="legalBasis.dateIssued" />
                </SimpleGrid>
              ) : null}
              <Checkbox mt="sm" label={t('notice.extraditionIntent')} checked={d.extraditionIntent} onChange={(e) => set('extraditionIntent', e.currentTarget.checked)} />
            </Fieldset>
          ) : null}
          {d.kind === 'yellow' ? (
            <Fieldset legend={t('notice.lastSeen')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('notice.lastSeenOn')} description={t('person.birthDatesHint')} value={d.lastSeenOn} onChange={(e) => set('lastSeenOn', e.currentTarget.value)} error={err('lastSeen.on')} className="ltr" />
                {countryOf('document.country', d.lastSeenCountry, (v) => set('lastSeenCountry', v), 'lastSeen.place', true)}
                <TextInput label={t('document.place')} value={d.lastSeenLocality} onChange={(e) => set('lastSeenLocality', e.currentTarget.value)} />
              </SimpleGrid>
              <Textarea mt="xs" label={t('document.circumstances')} value={d.circumstances} onChange={(e) => set('circumstances', e.currentTarget.value)} error={err('circumstances')} autosize minRows={2} />
            </Fieldset>
          ) : null}
          {d.kind === 'blue' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label={t('notice.informationSought')} value={d.informationSought} onChange={(e) => set('informationSought', e.currentTarget.value)} error={err('informationSought')} autosize minRows={2} />
              <Textarea label={t('notice.relatedOffence')} value={d.relatedOffence} onChange={(e) => set('relatedOffence', e.currentTarget.value)} error={err('relatedOffence')} autosize minRows={2} />
            </SimpleGrid>
          ) : null}
          {d.kind === 'green' ? (
            <Fieldset legend={t('notice.criminalActivity')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Textarea label={t('notice.activityDescription')} value={d.activityDescription} onChange={(e) => set('activityDescription', e.currentTarget.value)} error={err('criminalActivity.description')} autosize minRows={2} />
                <CountryMultiSelect label={t('notice.countries')} value={d.activityCountries} onChange={(v) => set('activityCountries', v)} error={err('criminalActivity.countries')} />
                <Textarea label={t('notice.basis')} value={d.activityBasis} onChange={(e) => set('activityBasis', e.currentTarget.value)} error={err('criminalActivity.basis')} autosize minRows={2} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'black' ? (
            <Fieldset legend={t('notice.body')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('notice.foundOn')} value={d.bodyFoundOn} onChange={(e) => set('bodyFoundOn', e.currentTarget.value)} error={err('body.foundOn')} className="ltr" description={t('person.birthDatesHint')} />
                {countryOf('document.country', d.bodyCountry, (v) => set('bodyCountry', v), 'body.place', true)}
                <TextInput label={t('document.place')} value={d.bodyLocality} onChange={(e) => set('bodyLocality', e.currentTarget.value)} />
                <Select label={t('person.sex')} clearable data={NOTICE_SEXES.map((v) => ({ value: v, label: enumLabel(t, 'sexWord', v) }))} value={d.bodySex || null} onChange={(v) => set('bodySex', v ?? '')} />
                <NumberInput label={t('notice.ageMin')} value={d.ageMin} onChange={(v) => set('ageMin', typeof v === 'number' ? v : '')} min={0} />
                <NumberInput label={t('notice.ageMax')} value={d.ageMax} onChange={(v) => set('ageMax', typeof v === 'number' ? v : '')} min={0} />
                <NumberInput label={t('person.heightCm')} value={d.bodyHeight} onChange={(v) => set('bodyHeight', typeof v === 'number' ? v : '')} min={0} />
                <Textarea label={t('person.marks')} description={t('person.marksHint')} value={d.bodyMarks} onChange={(e) => set('bodyMarks', e.currentTarget.value)} autosize minRows={1} />
                <TextInput label={t('notice.causeOfDeath')} value={d.causeOfDeath} onChange={(e) => set('causeOfDeath', e.currentTarget.value)} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'purple' ? (
            <Fieldset legend={t('notice.modusOperandi')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('notice.crimeType')} value={d.crimeType} onChange={(e) => set('crimeType', e.currentTarget.value)} error={err('modusOperandi.crimeType')} />
                <Textarea label={t('notice.method')} value={d.method} onChange={(e) => set('method', e.currentTarget.value)} error={err('modusOperandi.method')} autosize minRows={2} />
                <Textarea label={t('notice.concealment')} value={d.concealment} onChange={(e) => set('concealment', e.currentTarget.value)} autosize minRows={1} />
                <CountryMultiSelect label={t('notice.route')} value={d.route} onChange={(v) => set('route', v)} error={err('modusOperandi.route')} />
                <Textarea label={t('notice.indicators')} description={t('person.marksHint')} value={d.indicators} onChange={(e) => set('indicators', e.currentTarget.value)} autosize minRows={2} error={err('modusOperandi.indicators')} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'silver' ? (
            <Fieldset legend={t('notice.assets')}>
              <Stack gap="xs">
                {d.assets.map((a, i) => (
                  <Group key={i} align="flex-start" wrap="wrap">
                    <Select label={t('notice.assetType')} w={180} allowDeselect={false} value={a.type} data={['bank_account', 'real_estate', 'vehicle', 'vessel', 'company', 'crypto_wallet', 'other'].map((k) => ({ value: k, label: enumLabel(t, 'asset', k) }))}
                      onChange={(v) => set('assets', d.assets.map((y, j) => (j === i ? { ...y, type: v ?? 'other' } : y)))} />
                    <TextInput label={t('notice.assetDescription')} value={a.description} style={{ flex: 1, minWidth: 200 }} onChange={(e) => { const v = e.currentTarget.value; set('assets', d.assets.map((y, j) => (j === i ? { ...y, description: v } : y))); }} error={err(`assets.${i}`)} />
                    <CountrySelect label={t('document.country')} value={a.country || null} w={200} onChange={(v) => set('assets', d.assets.map((y, j) => (j === i ? { ...y, country: v ?? '' } : y)))} />
                    <NumberInput label={t('notice.amount')} value={a.amount} w={130} onChange={(v) => set('assets', d.assets.map((y, j) => (j === i ? { ...y, amount: typeof v === 'number' ? v : '' } : y)))} />
                    <TextInput label={t('notice.currency')} value={a.currency} w={90} maxLength={3} onChange={(e) => { const v = e.currentTarget.value.toUpperCase(); set('assets', d.assets.map((y, j) => (j === i ? { ...y, currency: v } : y))); }} />
                  </Group>
                ))}
                <Group><Button variant="default" size="xs" onClick={() => set('assets', [...d.assets, { type: 'other', description: '', country: '', amount: '', currency: '' }])}>{t('notice.addAsset')}</Button></Group>
              </Stack>
            </Fieldset>
          ) : null}
          {d.kind === 'orange' ? (
            <Fieldset legend={t('notice.threat')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('notice.threatNature')} value={d.threatNature} allowDeselect={false} data={['person', 'object', 'event', 'process'].map((k) => ({ value: k, label: enumLabel(t, 'threat', k) }))} onChange={(v) => set('threatNature', v ?? 'person')} />
                <TextInput type="datetime-local" label={t('notice.expiresAt')} value={d.expiresAt} onChange={(e) => set('expiresAt', e.currentTarget.value)} error={err('expiresAt')} />
                <Textarea label={t('notice.threatDescription')} value={d.threatDescription} onChange={(e) => set('threatDescription', e.currentTarget.value)} error={err('threat.description')} autosize minRows={2} />
                <Textarea label={t('notice.actionAdvised')} value={d.actionAdvised} onChange={(e) => set('actionAdvised', e.currentTarget.value)} error={err('threat.actionAdvised')} autosize minRows={2} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'un_special' ? (
            <Fieldset legend={t('notice.sanctions')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('notice.committee')} value={d.committee} onChange={(e) => set('committee', e.currentTarget.value)} error={err('sanctions.committee')} />
                <TextInput label={t('notice.sanctionsReference')} value={d.sanctionsReference} onChange={(e) => set('sanctionsReference', e.currentTarget.value)} error={err('sanctions.reference')} />
                <MultiSelect label={t('notice.measures')} value={d.measures} onChange={(v) => set('measures', v)} data={['assets_freeze', 'travel_ban', 'arms_embargo'].map((k) => ({ value: k, label: enumLabel(t, 'measure', k) }))} error={err('sanctions.measures')} />
                <TextInput label={t('notice.entityName')} value={d.entityName} onChange={(e) => set('entityName', e.currentTarget.value)} />
                <TextInput label={t('notice.entityAliases')} description={t('person.languagesHint')} value={d.entityAliases} onChange={(e) => set('entityAliases', e.currentTarget.value)} />
                <CountrySelect label={t('document.country')} value={d.entityCountry || null} onChange={(v) => set('entityCountry', v ?? '')} />
              </SimpleGrid>
            </Fieldset>
          ) : null}
          {d.kind === 'diffusion' ? (
            <Fieldset legend={t('notice.diffusion')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('notice.purpose')} value={d.purpose} allowDeselect={false} data={['arrest', 'locate', 'missing', 'information', 'warning'].map((k) => ({ value: k, label: enumLabel(t, 'purpose', k) }))} onChange={(v) => set('purpose', v ?? 'locate')} />
                <OrgMultiSelect label={t('notice.recipients')} value={d.recipients} onChange={(v) => set('recipients', v)} error={err('recipients')} />
              </SimpleGrid>
              <Textarea mt="xs" label={t('notice.message')} value={d.message} onChange={(e) => set('message', e.currentTarget.value)} error={err('message')} autosize minRows={3} />
            </Fieldset>
          ) : null}
          {d.kind === 'red' || d.kind === 'yellow' ? (
            <Checkbox label={t('notice.publicExtractAgreed')} checked={d.publicExtractAgreed} onChange={(e) => set('publicExtractAgreed', e.currentTarget.checked)} />
          ) : null}
          <Textarea label={t('notice.remarks')} value={d.remarks} onChange={(e) => set('remarks', e.currentTarget.value)} autosize minRows={1} error={err('remarks')} />
          <EnvelopeFields value={env} onChange={setEnv} problems={problems} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} href={notice ? `/notices/${notice.id}` : '/notices'}>{t('common.cancel')}</Button>
            <Button variant="default" loading={busy === 'draft'} onClick={() => { void save(false); }}>{t('notice.saveDraft')}</Button>
            <Button type="submit" loading={busy === 'submit'}>{d.kind === 'diffusion' ? t('action.send') : t('notice.saveAndSubmit')}</Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function exactForField(problems: readonly FieldProblem[], field: string): string | undefined {
  const hits = problems.filter((p) => p.field === field);
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined;
}

/** Notices in the review queue, for the reviewer's home page. */
export async function reviewQueue(route: string, signal: AbortSignal): Promise<Notice[]> {
  const lists = await Promise.all(['submitted', 'under_review', 'sent'].map((status) => api.get<Page<Notice> | Notice[]>(route, { status, limit: 100 }, signal).then(listOf<Notice>)));
  return lists.flat();
}
