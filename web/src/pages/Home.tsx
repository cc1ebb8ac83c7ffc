import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { api } from '../api/client.ts';
import { fill, routeFor, ROUTES } from '../api/endpoints.ts';
import type { Hit, InboxItem, Notice, Page } from '../api/types.ts';
import { Empty, ErrorNote, Loading, PageHeader, Section, Unavailable, enumLabel } from '../components.tsx';
import { describeEvent, hitParties, type EventDescription } from '../events.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useLive, useLiveEvents } from '../live.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../hooks.ts';
import { dueHits, hitTitle, listOf } from './Hits.tsx';
import { noticeTitle, reviewQueue } from './Notices.tsx';

type InboxFilter = 'all' | 'ours' | 'notices' | 'raised' | 'other';

interface Described { item: InboxItem; d: EventDescription; ours: boolean; raised: boolean }

function Inbox() {
  const i18n = useI18n();
  const { t, dateTime, relative } = i18n;
  const session = useSession();
  const { refreshUnread } = useLive();
  const [filter, setFilter] = useState<InboxFilter>('all');
  const inbox = useLoad((signal) => api.get<{ unread: number; items: InboxItem[] }>('/inbox', { limit: 100 }, signal), []);
  // Which side of each hit we are on, so messages and answers file under the right heading.
  const hitsRoute = routeFor(session.catalogue, 'GET', ROUTES.hits.list);
  const sides = useLoad(async (signal) => new Map((hitsRoute ? listOf<Hit>(await api.get<Hit[]>(hitsRoute, { limit: 500 }, signal)) : []).map((h) => [h.id, h.side])), [hitsRoute]);
  useLiveEvents((e) => {
    if (e.payload?.transient === true) return;
    inbox.reload();
    if (e.type.startsWith('hit')) sides.reload();
  });

  const described = useMemo<Described[]>(() => (inbox.data?.items ?? []).map((item) => {
    const d = describeEvent(item, session, i18n);
    const { owner, querier } = hitParties(item.payload ?? {});
    const me = session.actor.orgId;
    const side = d.group === 'hit' ? sides.data?.get(String(item.payload?.id ?? item.recordId ?? '')) : undefined;
    const ours = d.category === 'hitOnOurs' || side === 'owner' || (d.group === 'hit' && owner === me);
    const raised = !ours && (d.category === 'hitRaised' || side === 'querier' || (d.group === 'hit' && querier === me));
    return { item, d, ours, raised };
  }), [inbox.data, sides.data, session, i18n]);

  const shown = described.filter(({ d, ours, raised }) => {
    switch (filter) {
      case 'ours': return ours;
      case 'raised': return raised;
      case 'notices': return d.group === 'notice';
      case 'other': return d.group === 'other';
      default: return true;
    }
  });

  const markRead = async (ids: number[]) => {
    await Promise.all(ids.map((id) => api.post(`/inbox/${id}/read`)));
    inbox.reload();
    refreshUnread();
  };

  const filters: { value: InboxFilter; label: MessageKey }[] = [
    { value: 'all', label: 'inbox.all' }, { value: 'ours', label: 'inbox.ours' }, { value: 'notices', label: 'inbox.notices' },
    { value: 'raised', label: 'inbox.raised' }, { value: 'other', label: 'inbox.other' },
  ];
  const unreadIds = shown.filter((s) => !s.item.read).map((s) => s.item.id);
  return (
    <Section
      title={t('inbox.title')}
      actions={unreadIds.length ? <Button size="xs" variant="default" onClick={() => { void markRead(unreadIds); }}>{t('inbox.markAllRead')}</Button> : undefined}
    >
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as InboxFilter)}
        data={filters.map((f) => ({ value: f.value, label: t(f.label) }))}
        aria-label={t('inbox.filter')}
        fullWidth
      />
      {inbox.error ? <ErrorNote error={inbox.error} /> : null}
      {inbox.loading && !inbox.data ? <Loading /> : null}
      {inbox.data && shown.length === 0 ? <Empty>{t('inbox.empty')}</Empty> : null}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="inbox" aria-live="polite">
        {shown.map(({ item, d }) => (
          <li key={item.id} data-testid="inbox-item" data-category={d.category} data-read={item.read ? 'yes' : 'no'}>
            <Card withBorder padding="sm" radius="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    {!item.read ? <Badge size="xs" color="red.9" variant="filled">{t('inbox.new')}</Badge> : null}
                    {d.href ? <Link href={d.href} className={`link ${item.read ? '' : 'unread'}`}>{d.title}</Link> : <Text className={item.read ? '' : 'unread'} span>{d.title}</Text>}
                  </Group>
                  {d.detail ? <Text size="sm">{d.detail}</Text> : null}
                  {d.deadline ? <Text size="sm" c="red.9">{t('hit.deadline')}: {dateTime(d.deadline)} ({relative(d.deadline)})</Text> : null}
                </div>
                <Stack gap={4} align="flex-end">
                  <Text size="xs" c="gray.8"><time dateTime={item.at}>{dateTime(item.at)}</time></Text>
                  {!item.read ? <Button size="compact-xs" variant="subtle" onClick={() => { void markRead([item.id]); }} aria-label={t('inbox.markReadOf', { title: d.title })}>{t('inbox.markRead')}</Button> : null}
                </Stack>
              </Group>
            </Card>
          </li>
        ))}
      </Stack>
    </Section>
  );
}

function Deadlines() {
  const { t, dateTime, relative } = useI18n();
  const { catalogue, orgName } = useSession();
  const listRoute = routeFor(catalogue, 'GET', ROUTES.hits.list);
  const hits = useLoad(async (signal) => (listRoute ? listOf<Hit>(await api.get<Page<Hit> | Hit[]>(listRoute, { status: 'pending', limit: 200 }, signal)) : []), [listRoute]);
  useLiveEvents((e) => { if (e.type.startsWith('hit')) hits.reload(); });
  if (!listRoute) return <Section title={t('home.deadlines')}><Unavailable what={t('nav.hits')} /></Section>;
  const due = dueHits(hits.data ?? []);
  return (
    <Section title={t('home.deadlines')}>
      {hits.error ? <ErrorNote error={hits.error} /> : null}
      {hits.loading && !hits.data ? <Loading /> : null}
      {hits.data && due.length === 0 ? <Empty>{t('home.noDeadlines')}</Empty> : null}
      {due.length ? (
        <Table data-testid="deadlines">
          <Table.Thead><Table.Tr><Table.Th>{t('hit.screened')}</Table.Th><Table.Th>{t('hits.side')}</Table.Th><Table.Th>{t('hit.deadline')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {due.slice(0, 10).map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td><Link href={`/hits/${encodeURIComponent(h.id)}`} className="link">{hitTitle(h, t)}</Link></Table.Td>
                <Table.Td>{h.side === 'owner' ? t('hit.weAnswer', { org: orgName(h.querierOrg) }) : t('hit.theyAnswer', { org: orgName(h.ownerOrg) })}</Table.Td>
                <Table.Td><Text size="sm" c={h.overdue ? 'red.9' : undefined} fw={h.overdue ? 700 : undefined}>{dateTime(h.replyDueAt)} · {relative(h.replyDueAt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  );
}

function ReviewQueue() {
  const { t, dateTime } = useI18n();
  const { catalogue, orgName } = useSession();
  const queueRoute = routeFor(catalogue, 'GET', ROUTES.notices.reviewQueue);
  const listRoute = routeFor(catalogue, 'GET', ROUTES.notices.list);
  const queue = useLoad(async (signal) => {
    if (queueRoute) return listOf<Notice>(await api.get<Page<Notice> | Notice[]>(queueRoute, { limit: 100 }, signal));
    if (listRoute) return (await reviewQueue(listRoute, signal)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return [];
  }, [queueRoute, listRoute]);
  useLiveEvents((e) => { if (e.type.startsWith('notice') || e.type.startsWith('diffusion')) queue.reload(); });
  if (!queueRoute && !listRoute) return <Section title={t('home.reviewQueue')}><Unavailable what={t('nav.notices')} /></Section>;
  return (
    <Section title={t('home.reviewQueue')}>
      {queue.error ? <ErrorNote error={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data && queue.data.length === 0 ? <Empty>{t('home.reviewEmpty')}</Empty> : null}
      {queue.data && queue.data.length ? (
        <Table striped data-testid="review-queue">
          <Table.Thead><Table.Tr><Table.Th>{t('notice.title')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th><Table.Th>{t('notice.status')}</Table.Th><Table.Th>{t('common.updated')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {queue.data.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td><Link href={`/notices/${encodeURIComponent(n.id)}`} className="link">{noticeTitle(n, t)}</Link></Table.Td>
                <Table.Td>{orgName(n.owner ?? n.envelope?.owner)}</Table.Td>
                <Table.Td>{enumLabel(t, 'status', n.status)}</Table.Td>
                <Table.Td>{dateTime(n.updatedAt ?? n.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  );
}

interface RetentionItem { id?: string; recordId?: string; recordType?: string; type?: string; name?: string; title?: string; reviewAt?: string; overdue?: boolean; envelope?: { reviewAt?: string } }

function RetentionQueue() {
  const { t, date } = useI18n();
  const { catalogue } = useSession();
  const route = routeFor(catalogue, 'GET', ROUTES.retention.queue);
  const queue = useLoad(async (signal) => (route ? listOf<RetentionItem>(await api.get<Page<RetentionItem> | RetentionItem[]>(route, { limit: 50 }, signal)) : []), [route]);
  if (!route) return <Section title={t('home.retention')}><Unavailable what={t('home.retention')} /></Section>;
  return (
    <Section title={t('home.retention')}>
      {queue.error ? <ErrorNote error={queue.error} /> : null}
      {queue.data && queue.data.length === 0 ? <Empty>{t('home.retentionEmpty')}</Empty> : null}
      {(queue.data ?? []).map((r, i) => {
        const type = r.recordType ?? r.type ?? 'person';
        const id = r.recordId ?? r.id ?? '';
        const reviewAt = r.reviewAt ?? r.envelope?.reviewAt;
        const base: Record<string, string> = { person: '/persons', document: '/documents', notice: '/notices' };
        return (
          <Group key={`${id}-${i}`} justify="space-between">
            <Link href={`${base[type] ?? '/persons'}/${fill(':id', { id })}`} className="link">{r.name ?? r.title ?? id}</Link>
            <Text size="sm" c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 700 : undefined}>{reviewAt ? date(reviewAt.slice(0, 10)) : '—'}{r.overdue ? ` · ${t('home.retentionOverdue')}` : ''}</Text>
          </Group>
        );
      })}
    </Section>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { actor, hasRole, orgName } = useSession();
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Text mb="md">{t('home.welcome', { name: actor.username, org: orgName(actor.orgId) })}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Inbox />
        <Stack>
          {hasRole('frontline', 'officer', 'analyst', 'admin') ? <Deadlines /> : null}
          {hasRole('reviewer') ? <ReviewQueue /> : null}
          {hasRole('officer', 'admin') ? <RetentionQueue /> : null}
        </Stack>
      </SimpleGrid>
    </>
  );
}
