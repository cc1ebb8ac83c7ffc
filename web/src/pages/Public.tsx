import { useEffect, type ReactNode } from 'react';
import { Badge, Button, Container, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { ErrorNote, Facts, Loading, Pager, enumLabel } from '../components.tsx';
import { useLoad } from '../hooks.ts';
import { LOCALES, useI18n, type Locale } from '../i18n/index.tsx';
import { LANGUAGE_NAMES } from '../i18n/messages/index.ts';
import { Link, setQuery, useLocation } from '../router.tsx';
import { useOrgLabel } from '../session.tsx';

/** What anyone may read of a published Red or Yellow notice whose owner agreed. */
export interface PublicExtract {
  id: string; kind: 'red' | 'yellow'; reference?: string; requestedBy: string; publishedAt?: string | null;
  names: { value: string; script: string }[]; sex?: string; datesOfBirth: string[]; placeOfBirth?: { country: string; locality?: string };
  nationalities: string[]; distinguishingMarks: string[]; languages: string[]; heightCm?: number; photoRefs: string[];
  charges?: string; disappearance?: { on: string; place: { country: string; locality?: string } };
}

/** Pages anyone may open, signed in or not: a plain header with the language switch. */
function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  useEffect(() => { document.title = `${title} · ${t('app.name')}`; }, [title, t]);
  return (
    <>
      <header>
        <Group justify="space-between" p="md" style={{ borderBottom: '1px solid #dee2e6' }}>
          <Link href="/public/notices" className="brand">{t('app.name')}</Link>
          <Group gap="sm">
            <Select aria-label={t('nav.language')} size="xs" w={130} allowDeselect={false} value={locale}
              data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} onChange={(v) => { if (v) setLocale(v as Locale); }} data-testid="language-switch" />
            <Button size="xs" variant="default" component={Link} href="/">{t('public.staff')}</Button>
          </Group>
        </Group>
      </header>
      <main id="main">
        <Container size="lg" py="md">
          <Title order={1} size="h2" mb="md">{title}</Title>
          {children}
        </Container>
      </main>
    </>
  );
}

function ExtractCard({ e, full }: { e: PublicExtract; full?: boolean }) {
  const { t, date, country } = useI18n();
  const orgLabel = useOrgLabel();
  const place = (p?: { country: string; locality?: string }) => (p ? [p.locality, country(p.country)].filter(Boolean).join(', ') : '—');
  const rows: [string, ReactNode][] = [
    [t('person.sex'), enumLabel(t, 'sexWord', e.sex)],
    [t('person.birthDates'), e.datesOfBirth.map((d) => date(d)).join(', ') || '—'],
    [t('person.nationalities'), e.nationalities.map((c) => country(c)).join(', ') || '—'],
  ];
  if (full) {
    rows.push(
      [t('person.birthPlace'), place(e.placeOfBirth)],
      [t('person.heightCm'), typeof e.heightCm === 'number' ? `${e.heightCm}` : '—'],
      [t('person.marks'), e.distinguishingMarks.join('; ') || '—'],
      [t('person.languages'), e.languages.join(', ') || '—'],
    );
  }
  if (e.charges) rows.push([t('extract.charges'), e.charges]);
  if (e.disappearance) rows.push([t('extract.disappearance'), `${date(e.disappearance.on)} · ${place(e.disappearance.place)}`]);
  rows.push([t('extract.requestedBy'), orgLabel(e.requestedBy)]);
  return (
    <Paper withBorder p="md" data-testid="public-extract">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={e.kind === 'red' ? 'red.9' : '#7a5300'} variant="filled">{e.kind === 'red' ? t('extract.wanted') : t('extract.missing')}</Badge>
          {e.reference ? <Text className="ltr" fw={600}>{e.reference}</Text> : null}
        </Group>
        <Title order={2} size="h3">{full ? e.names.map((n) => n.value).join(' / ') : <Link href={`/public/notices/${e.id}`} className="link">{e.names.map((n) => n.value).join(' / ')}</Link>}</Title>
        <Facts rows={rows} />
      </Stack>
    </Paper>
  );
}

export function PublicExtractPage({ id }: { id: string }) {
  const { t } = useI18n();
  const extract = useLoad((signal) => api.get<PublicExtract>(`/notices/public/${encodeURIComponent(id)}`, undefined, signal), [id]);
  const title = extract.data ? (extract.data.kind === 'yellow' ? t('extract.missing') : t('extract.wanted')) : t('notice.extract');
  return (
    <PublicShell title={title}>
      <ErrorNote error={extract.error} />
      {extract.loading && !extract.data ? <Loading /> : null}
      {extract.data ? <ExtractCard e={extract.data} full /> : null}
    </PublicShell>
  );
}

const PAGE = 24;

export function PublicNoticesPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const kind = query.get('kind') ?? '';
  const offset = Number(query.get('offset') ?? 0);
  const list = useLoad(async (signal) => {
    const reply = await api.get<Page<PublicExtract> | PublicExtract[]>('/notices/public', { kind, limit: PAGE, offset }, signal);
    return Array.isArray(reply) ? { total: reply.length, items: reply } : reply;
  }, [kind, offset]);
  return (
    <PublicShell title={t('public.title')}>
      <Text mb="md">{t('public.intro')}</Text>
      <Select label={t('notice.kind')} clearable w={220} mb="md" value={kind || null} onChange={(v) => setQuery({ kind: v, offset: undefined })}
        data={[{ value: 'red', label: t('extract.wanted') }, { value: 'yellow', label: t('extract.missing') }]} />
      <ErrorNote error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <Text>{t('public.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(list.data?.items ?? []).map((e) => <ExtractCard key={e.id} e={e} />)}
      </SimpleGrid>
      {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onChange={(o) => setQuery({ offset: o || undefined })} /> : null}
    </PublicShell>
  );
}
