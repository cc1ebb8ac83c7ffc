import { useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { api } from '../api/client.ts';
import { fill, routeFor, ROUTES } from '../api/endpoints.ts';
import type { Hit, Page, Person } from '../api/types.ts';
import { Empty, ErrorNote, Facts, Loading, PageHeader, RecordLink, Section, Unavailable, enumLabel } from '../components.tsx';
import { useLoad } from '../hooks.ts';
import { useI18n, type I18n } from '../i18n/index.tsx';
import { useLiveEvents } from '../live.tsx';
import { Link, setQuery, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Explanation } from './Screening.tsx';
import { primaryName } from './Persons.tsx';

/** A list reply, whether the API pages it ({ items }) or not. */
export function listOf<T>(reply: Page<T> | T[] | { items?: T[] } | undefined): T[] {
  if (!reply) return [];
  if (Array.isArray(reply)) return reply;
  return reply.items ?? [];
}

export const hitDeadline = (h: Hit): string | undefined => h.replyDueAt || undefined;

/** What was screened, which is what both sides talk about. */
export function hitTitle(h: Hit, t: I18n['t']): string {
  const names = h.query?.names?.filter(Boolean) ?? [];
  if (names.length) return names.join(' / ');
  if (h.query?.documentNumber) return h.query.documentNumber;
  return t('hit.untitled', { id: h.id.slice(0, 8) });
}

export function HitStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useI18n();
  const colour = status === 'confirmed' ? 'red.9' : status === 'false_positive' ? 'gray.8' : '#a33b00';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colour} variant="filled" data-testid="hit-status">{enumLabel(t, 'hitStatus', status)}</Badge>
      {overdue ? <Badge color="red.9" variant="outline">{t('hit.overdue')}</Badge> : null}
    </Group>
  );
}

export function HitListPage() {
  const { t, dateTime, relative, percent } = useI18n();
  const { catalogue, orgName } = useSession();
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const side = query.get('side') ?? '';
  const route = routeFor(catalogue, 'GET', ROUTES.hits.list);
  const hits = useLoad(async (signal) => (route ? listOf<Hit>(await api.get<Page<Hit> | Hit[]>(route, { status, side, limit: 200 }, signal)) : []), [route, status, side]);
  useLiveEvents((e) => { if (e.type.startsWith('hit')) hits.reload(); });
  const shown = hits.data ?? [];
  return (
    <>
      <PageHeader title={t('hits.title')} />
      {!route ? <Unavailable what={t('nav.hits')} /> : (
        <>
          <Group mb="md">
            <Select label={t('hit.status')} clearable data={['pending', 'confirmed', 'false_positive'].map((v) => ({ value: v, label: enumLabel(t, 'hitStatus', v) }))} value={status || null} onChange={(v) => setQuery({ status: v })} w={200} />
            <Select label={t('hits.side')} clearable data={[{ value: 'owner', label: t('inbox.ours') }, { value: 'querier', label: t('inbox.raised') }]} value={side || null} onChange={(v) => setQuery({ side: v })} w={260} />
          </Group>
          <ErrorNote error={hits.error} />
          {hits.loading && !hits.data ? <Loading /> : null}
          {hits.data && shown.length === 0 ? <Empty>{t('hits.none')}</Empty> : null}
          {shown.length ? (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="hit-list">
                <Table.Thead><Table.Tr><Table.Th>{t('hit.screened')}</Table.Th><Table.Th>{t('hits.side')}</Table.Th><Table.Th>{t('hit.owner')}</Table.Th><Table.Th>{t('hit.querier')}</Table.Th><Table.Th>{t('screening.score')}</Table.Th><Table.Th>{t('hit.status')}</Table.Th><Table.Th>{t('hit.deadline')}</Table.Th><Table.Th>{t('hit.raisedAt')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {shown.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td><Link href={`/hits/${encodeURIComponent(h.id)}`} className="link">{hitTitle(h, t)}</Link></Table.Td>
                      <Table.Td>{h.side === 'owner' ? t('inbox.ours') : t('inbox.raised')}</Table.Td>
                      <Table.Td>{orgName(h.ownerOrg)}</Table.Td>
                      <Table.Td>{orgName(h.querierOrg)}</Table.Td>
                      <Table.Td>{percent(h.score)}</Table.Td>
                      <Table.Td><HitStatusBadge status={h.status} overdue={h.overdue} /></Table.Td>
                      <Table.Td>{h.status === 'pending' && !h.firstReplyAt ? `${dateTime(h.replyDueAt)} (${relative(h.replyDueAt)})` : '—'}</Table.Td>
                      <Table.Td>{dateTime(h.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </>
      )}
    </>
  );
}

export function HitPage({ id }: { id: string }) {
  const { t, dateTime, relative, percent, date, country } = useI18n();
  const { catalogue, orgName, actor, hasRole } = useSession();
  const oneRoute = routeFor(catalogue, 'GET', ROUTES.hits.one);
  const postRoute = routeFor(catalogue, 'POST', ROUTES.hits.messages);
  const resolveRoute = routeFor(catalogue, 'POST', ROUTES.hits.resolve);
  const hit = useLoad((signal) => (oneRoute ? api.get<Hit>(fill(oneRoute, { id }), undefined, signal) : Promise.resolve(undefined)), [oneRoute, id]);
  // The owner sees its own record: name it rather than just "person".
  const ownerSide = hit.data?.side === 'owner' && hit.data.recordType === 'person' ? hit.data.recordId : undefined;
  const record = useLoad((signal) => (ownerSide ? api.get<Person>(`/persons/${encodeURIComponent(ownerSide)}`, undefined, signal) : Promise.resolve(undefined)), [ownerSide]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useLiveEvents((e) => { if (e.recordId === id || e.payload?.id === id) hit.reload(); });

  if (!oneRoute) return <><PageHeader title={t('hits.title')} /><Unavailable what={t('nav.hits')} /></>;
  if (hit.error) return <><PageHeader title={t('hits.title')} /><ErrorNote error={hit.error} /></>;
  if (!hit.data) return <Loading />;
  const h = hit.data;
  const thread = h.messages ?? [];
  const isOwner = h.ownerOrg === actor.orgId;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!postRoute || !text.trim()) return;
    setSending(true);
    setError(null);
    try {
      await api.post(fill(postRoute, { id }), { body: text.trim() });
      setText('');
      hit.reload();
    } catch (err) { setError(err); } finally { setSending(false); }
  };

  const resolve = async (status: 'confirmed' | 'false_positive') => {
    if (!resolveRoute) return;
    setError(null);
    try {
      await api.post(fill(resolveRoute, { id }), { status });
      hit.reload();
    } catch (err) { setError(err); }
  };

  const q = h.query ?? {};
  const rows: [string, ReactNode][] = [
    [t('hit.screened'), hitTitle(h, t)],
    ...(q.birthDates?.length ? [[t('person.birthDates'), q.birthDates.map((d) => date(d)).join(', ')] as [string, ReactNode]] : []),
    ...(q.nationalities?.length ? [[t('person.nationalities'), q.nationalities.map((c) => country(c)).join(', ')] as [string, ReactNode]] : []),
    [t('hit.record'), <RecordLink key="r" type={isOwner ? h.recordType : null} id={h.recordId}>{record.data ? primaryName(record.data) : enumLabel(t, 'recordType', h.recordType)}</RecordLink>],
    [t('hit.owner'), orgName(h.ownerOrg)],
    [t('hit.querier'), `${orgName(h.querierOrg)} · ${h.querierName}`],
    [t('common.purpose'), h.purpose ?? '—'],
    [t('screening.score'), percent(h.score)],
    [t('hit.status'), <HitStatusBadge key="s" status={h.status} overdue={h.overdue} />],
    [t('hit.deadline'), <span key="d">{dateTime(h.replyDueAt)} ({relative(h.replyDueAt)}){h.firstReplyAt ? ` · ${t('hit.answered', { at: dateTime(h.firstReplyAt) })}` : ''}</span>],
    [t('hit.raisedAt'), dateTime(h.createdAt)],
    ...(h.resolvedAt ? [[t('hit.resolved'), `${dateTime(h.resolvedAt)} · ${h.resolvedBy ?? ''}`] as [string, ReactNode]] : []),
  ];
  return (
    <>
      <PageHeader title={t('hit.titleOf', { name: hitTitle(h, t) })}>
        <HitStatusBadge status={h.status} overdue={h.overdue} />
      </PageHeader>
      <ErrorNote error={error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('hit.summary')}>
          <Facts rows={rows} />
          {h.explanation ? <Explanation explanation={h.explanation} /> : null}
          {isOwner && h.status === 'pending' && resolveRoute && hasRole('officer', 'admin') ? (
            <Group>
              <Button color="red.9" onClick={() => { void resolve('confirmed'); }} data-action="confirm-hit">{t('hit.confirm')}</Button>
              <Button variant="default" onClick={() => { void resolve('false_positive'); }} data-action="false-positive">{t('hit.falsePositive')}</Button>
            </Group>
          ) : null}
        </Section>
        <Section title={t('hit.thread')}>
          {thread.length === 0 ? <Empty>{t('hit.noMessages')}</Empty> : null}
          <div className="thread" data-testid="hit-thread" aria-live="polite">
            {thread.map((m) => {
              const mine = m.orgId === actor.orgId;
              return (
                <Paper key={m.id} className={`message ${mine ? 'mine' : ''}`} data-testid="hit-message">
                  <Text size="xs" c="gray.8">{orgName(m.orgId)} · {m.username} · <time dateTime={m.at}>{dateTime(m.at)}</time></Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
                </Paper>
              );
            })}
          </div>
          {postRoute ? (
            <form onSubmit={(e) => { void send(e); }}>
              <Stack gap="xs">
                <Textarea label={t('hit.message')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} name="message" />
                <Group justify="flex-end"><Button type="submit" loading={sending} disabled={!text.trim()}>{t('hit.send')}</Button></Group>
              </Stack>
            </form>
          ) : null}
        </Section>
      </SimpleGrid>
    </>
  );
}

/** Hits still waiting for the owner's answer, soonest deadline first. */
export function dueHits(hits: Hit[]): Hit[] {
  return hits.filter((h) => h.status === 'pending' && !h.firstReplyAt).sort((a, b) => a.replyDueAt.localeCompare(b.replyDueAt));
}
