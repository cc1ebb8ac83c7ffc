import { useEffect, useId, type ReactNode } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, MultiSelect, Select, Stack, Text, Title, type SelectProps, type MultiSelectProps } from '@mantine/core';
import { ApiError } from './api/client.ts';
import type { Envelope, Tlp } from './api/types.ts';
import { COUNTRY_CODES, useI18n, type MessageKey } from './i18n/index.tsx';
import { useSession } from './session.tsx';
import { Link } from './router.tsx';

/** The page's heading, also the document title so screen readers and tabs announce it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => { document.title = `${title} · ${t('app.name')}`; }, [title, t]);
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap">
      <Title order={1} size="h2">{title}</Title>
      {children ? <Group gap="sm">{children}</Group> : null}
    </Group>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>;
}

/** A failed call, in the user's words where we know them, with the API's own detail. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let title = t('error.generic');
  let detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    const byStatus: Partial<Record<number, MessageKey>> = {
      0: 'error.network', 400: 'error.invalid', 401: 'error.unauthenticated', 403: 'error.forbidden', 404: 'error.notFound',
      409: 'error.conflict', 413: 'error.tooLarge', 429: 'error.tooMany', 503: 'error.unavailable',
    };
    const key = byStatus[error.status];
    if (key) title = t(key);
    detail = error.problem.detail ?? '';
    if (error.problem.requestId) detail = `${detail} (${t('error.requestId', { id: error.problem.requestId })})`;
  }
  return (
    <Alert color="red" title={title} role="alert" mb="md" variant="outline">
      <Text size="sm">{detail}</Text>
    </Alert>
  );
}

/** Shown where a page needs an API capability this server does not offer (yet). */
export function Unavailable({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <Alert color="gray" variant="outline" title={t('unavailable.title')} mb="md">
      <Text size="sm">{t('unavailable.body', { what })}</Text>
    </Alert>
  );
}

const TLP_COLOURS: Record<Tlp, string> = { CLEAR: '#ffffff', GREEN: '#33ff00', AMBER: '#ffc000', 'AMBER+STRICT': '#ffc000', RED: '#ff2b2b' };

/** TLP 2.0 labels: coloured text on black, as the standard prints them. */
export function TlpBadge({ tlp }: { tlp: string }) {
  const colour = TLP_COLOURS[tlp as Tlp] ?? '#ffffff';
  return (
    <Badge radius="sm" styles={{ root: { background: '#000', color: colour, textTransform: 'none', minWidth: 'max-content' } }}>
      TLP:{tlp}
    </Badge>
  );
}

const SUBJECT_COLOURS: Record<string, string> = {
  suspect: 'red.9', convicted: 'red.9', victim: 'grape.9', witness: 'teal.9', missing: '#a33b00', unidentified: 'gray.8', other: 'gray.8',
};

export function SubjectBadge({ subject }: { subject: string }) {
  const { t } = useI18n();
  return <Badge color={SUBJECT_COLOURS[subject] ?? 'gray.8'} variant="filled">{enumLabel(t, 'subject', subject)}</Badge>;
}

/** A translated label for an enum value, falling back to the raw value for codes we do not know. */
export function enumLabel(t: (k: MessageKey) => string, group: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${group}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export function EnvelopeSummary({ envelope }: { envelope: Envelope }) {
  const { t, date } = useI18n();
  const { orgName } = useSession();
  const rows: [string, ReactNode][] = [
    [t('envelope.owner'), orgName(envelope.owner)],
    [t('envelope.audience'), envelope.audience === 'listed'
      ? `${enumLabel(t, 'audience', envelope.audience)}: ${envelope.audienceOrgs.map(orgName).join(', ')}`
      : enumLabel(t, 'audience', envelope.audience)],
    ...(envelope.deniedOrgs.length ? [[t('envelope.deniedOrgs'), envelope.deniedOrgs.map(orgName).join(', ')] as [string, ReactNode]] : []),
    [t('envelope.tlp'), <TlpBadge key="tlp" tlp={envelope.tlp} />],
    [t('envelope.handling'), enumLabel(t, 'handling', envelope.handling)],
    [t('envelope.subject'), <SubjectBadge key="s" subject={envelope.subject} />],
    [t('envelope.reliability'), `${envelope.reliability} · ${envelope.accuracy} — ${enumLabel(t, 'reliability', envelope.reliability)}, ${enumLabel(t, 'accuracy', envelope.accuracy)}`],
    [t('envelope.source'), envelope.source ?? '—'],
    [t('envelope.reviewAt'), date(envelope.reviewAt.slice(0, 10))],
  ];
  return <Facts rows={rows} />;
}

/** Label / value pairs as a description list. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="facts-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Countries by ISO alpha-3 code, named in the user's language. */
const countryOptionCache = new Map<string, { value: string; label: string }[]>();

/** Every country as an option, named and sorted in the user's language (computed once per language). */
function useCountryOptions(): { value: string; label: string }[] {
  const { locale, country } = useI18n();
  let data = countryOptionCache.get(locale);
  if (!data) {
    const collator = new Intl.Collator(locale);
    data = COUNTRY_CODES.map((c) => ({ value: c, label: `${country(c)} (${c})` })).sort((a, b) => collator.compare(a.label, b.label));
    countryOptionCache.set(locale, data);
  }
  return data;
}

export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  return <Select searchable clearable data={useCountryOptions()} {...props} />;
}

export function CountryMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  return <MultiSelect searchable clearable data={useCountryOptions()} {...props} />;
}

export function OrgMultiSelect(props: Omit<MultiSelectProps, 'data'>) {
  const { organisations } = useSession();
  const data = organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.id})` }));
  return <MultiSelect searchable clearable data={data} limit={50} {...props} />;
}

/** Previous / next paging with where we are, for lists the API pages by limit and offset. */
export function Pager({ offset, limit, total, onChange }: { offset: number; limit: number; total: number; onChange(offset: number): void }) {
  const { t, number } = useI18n();
  if (total === 0) return null;
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" component="nav" aria-label={t('pager.label')}>
      <Text size="sm" aria-live="polite">{t('pager.range', { from: number(from), to: number(to), total: number(total) })}</Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>{t('pager.previous')}</Button>
        <Button variant="default" size="xs" disabled={to >= total} onClick={() => onChange(offset + limit)}>{t('pager.next')}</Button>
      </Group>
    </Group>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <Text py="md" c="gray.8">{children}</Text>;
}

export function RecordLink({ type, id, children }: { type: string | null | undefined; id: string | null | undefined; children: ReactNode }) {
  const href = recordHref(type, id);
  return href ? <Link href={href} className="link">{children}</Link> : <>{children}</>;
}

export function recordHref(type: string | null | undefined, id: string | null | undefined): string | undefined {
  if (!type || !id) return undefined;
  const base: Record<string, string> = { person: '/persons', document: '/documents', notice: '/notices', diffusion: '/notices', hit: '/hits' };
  return base[type] ? `${base[type]}/${encodeURIComponent(id)}` : undefined;
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>{title}</Title>
        {actions}
      </Group>
      <Stack gap="xs">{children}</Stack>
    </section>
  );
}
