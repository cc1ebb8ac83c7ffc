import { useEffect, useState, type ReactNode } from 'react';
import { AppShell, Badge, Burger, Button, DirectionProvider, Group, MantineProvider, NavLink, ScrollArea, Select, Text, createTheme, useDirection, type CSSVariablesResolver } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { I18nProvider, LOCALES, useI18n, type Locale, type MessageKey } from './i18n/index.tsx';
import { LANGUAGE_NAMES } from './i18n/messages/index.ts';
import { SessionProvider, useSession, useSessionState, POLICE_ROLES } from './session.tsx';
import { LiveProvider, useLive, useLiveEvents } from './live.tsx';
import { Link, RouterProvider, match, navigate, useLocation } from './router.tsx';
import { Loading } from './components.tsx';
import { describeEvent } from './events.ts';
import { SignInPage } from './pages/SignIn.tsx';
import { HomePage } from './pages/Home.tsx';
import { ScreeningPage } from './pages/Screening.tsx';
import { PersonListPage, PersonPage, PersonFormPage } from './pages/Persons.tsx';
import { DocumentListPage, DocumentPage, DocumentFormPage } from './pages/Documents.tsx';
import { NoticeListPage, NoticePage, NoticeFormPage } from './pages/Notices.tsx';
import { PublicExtractPage, PublicNoticesPage } from './pages/Public.tsx';
import { HitListPage, HitPage } from './pages/Hits.tsx';
import { AuditPage, TokensPage, UsersPage } from './pages/Admin.tsx';
import type { Role } from './api/types.ts';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on primary buttons above 4.5:1.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif',
  defaultRadius: 'sm',
});

// Mantine's dimmed and placeholder greys fall below 4.5:1 on white; these keep body text readable.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a' },
  dark: {},
});

interface Route { pattern: string; render(params: Record<string, string>): ReactNode; roles?: Role[] }

const ROUTES: Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/screening', render: () => <ScreeningPage />, roles: POLICE_ROLES },
  { pattern: '/persons', render: () => <PersonListPage />, roles: POLICE_ROLES },
  { pattern: '/persons/new', render: () => <PersonFormPage />, roles: ['officer', 'admin'] },
  { pattern: '/persons/:id', render: (p) => <PersonPage id={p.id} />, roles: POLICE_ROLES },
  { pattern: '/persons/:id/edit', render: (p) => <PersonFormPage id={p.id} />, roles: ['officer', 'admin'] },
  { pattern: '/documents', render: () => <DocumentListPage />, roles: POLICE_ROLES },
  { pattern: '/documents/new', render: () => <DocumentFormPage />, roles: ['officer', 'admin'] },
  { pattern: '/documents/:id', render: (p) => <DocumentPage id={p.id} />, roles: POLICE_ROLES },
  { pattern: '/documents/:id/edit', render: (p) => <DocumentFormPage id={p.id} />, roles: ['officer', 'admin'] },
  { pattern: '/notices', render: () => <NoticeListPage />, roles: POLICE_ROLES },
  { pattern: '/notices/new', render: () => <NoticeFormPage />, roles: ['officer', 'admin'] },
  { pattern: '/notices/:id', render: (p) => <NoticePage id={p.id} />, roles: POLICE_ROLES },
  { pattern: '/notices/:id/edit', render: (p) => <NoticeFormPage id={p.id} />, roles: ['officer', 'admin'] },
  { pattern: '/hits', render: () => <HitListPage />, roles: POLICE_ROLES },
  { pattern: '/hits/:id', render: (p) => <HitPage id={p.id} />, roles: POLICE_ROLES },
  { pattern: '/admin/users', render: () => <UsersPage />, roles: ['admin'] },
  { pattern: '/admin/tokens', render: () => <TokensPage /> },
  { pattern: '/admin/audit', render: () => <AuditPage />, roles: ['admin'] },
];

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Select
      aria-label={t('nav.language')}
      size="xs"
      w={130}
      allowDeselect={false}
      value={locale}
      data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      onChange={(v) => { if (v) setLocale(v as Locale); }}
      comboboxProps={{ withinPortal: true }}
      data-testid="language-switch"
    />
  );
}

/** Keeps Mantine's direction in step with the language (Arabic lays out right to left). */
function DirectionSync() {
  const { dir } = useI18n();
  const { setDirection } = useDirection();
  useEffect(() => { setDirection(dir); }, [dir, setDirection]);
  return null;
}

interface NavItem { href: string; label: MessageKey; roles?: Role[]; badge?: number }

function Navigation({ onNavigate }: { onNavigate(): void }) {
  const { t, number } = useI18n();
  const { path } = useLocation();
  const { hasRole } = useSession();
  const { unread } = useLive();
  const items: NavItem[] = [
    { href: '/', label: 'nav.home', badge: unread },
    { href: '/screening', label: 'nav.screening', roles: POLICE_ROLES },
    { href: '/persons', label: 'nav.persons', roles: POLICE_ROLES },
    { href: '/documents', label: 'nav.documents', roles: POLICE_ROLES },
    { href: '/notices', label: 'nav.notices', roles: POLICE_ROLES },
    { href: '/hits', label: 'nav.hits', roles: POLICE_ROLES },
    { href: '/admin/users', label: 'nav.users', roles: ['admin'] },
    { href: '/admin/tokens', label: 'nav.tokens' },
    { href: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
  ];
  return (
    <nav aria-label={t('nav.main')}>
      {items.filter((i) => !i.roles || hasRole(...i.roles)).map((i) => {
        const active = i.href === '/' ? path === '/' : path === i.href || path.startsWith(`${i.href}/`);
        return (
          <NavLink
            key={i.href}
            component={Link}
            href={i.href}
            label={t(i.label)}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            variant="filled"
            rightSection={i.badge ? (
              <Badge size="sm" color="red.9" variant="filled" data-testid="unread-count" aria-label={t('nav.unread', { count: i.badge })}>{number(i.badge)}</Badge>
            ) : undefined}
          />
        );
      })}
    </nav>
  );
}

/** A toast for each live event, so nothing arrives unseen. */
function LiveToasts() {
  const i18n = useI18n();
  const session = useSession();
  useLiveEvents((e) => {
    if (e.payload?.transient === true) return;
    const d = describeEvent(e, session, i18n);
    notifications.show({ title: d.title, message: d.detail, color: d.group === 'hit' ? 'red.9' : 'blue.8', autoClose: 8000, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
  });
  return null;
}

function Shell() {
  const { t } = useI18n();
  const session = useSession();
  const { path } = useLocation();
  const [opened, setOpened] = useState(false);
  let content: ReactNode = null;
  for (const r of ROUTES) {
    const params = match(r.pattern, path);
    if (!params) continue;
    content = !r.roles || session.hasRole(...r.roles) ? r.render(params) : <Text role="alert">{t('error.forbiddenPage')}</Text>;
    break;
  }
  if (!content) content = <Text role="alert">{t('error.noSuchPage')}</Text>;
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={() => setOpened((o) => !o)} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link href="/" className="brand" aria-label={t('app.home')}>{t('app.name')}</Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" data-testid="whoami">
              {session.actor.username} · {session.orgName(session.actor.orgId)}
            </Text>
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={() => { void session.signOut().then(() => navigate('/')); }}>{t('nav.signOut')}</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={() => setOpened(false)} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {content}
      </AppShell.Main>
      <LiveToasts />
    </AppShell>
  );
}

function Gate() {
  const { status } = useSessionState();
  const { t } = useI18n();
  const { path } = useLocation();
  // Public extracts of notices are for everyone, signed in or not.
  const extract = match('/public/notices/:id', path);
  if (extract) return <PublicExtractPage id={extract.id} />;
  if (path === '/public/notices' || path === '/public') return <PublicNoticesPage />;
  if (status === 'loading') return <main><Loading /></main>;
  if (status === 'signed-out') return <SignInPage />;
  return (
    <LiveProvider>
      <a href="#main" className="skip-link">{t('nav.skip')}</a>
      <Shell />
    </LiveProvider>
  );
}

export function App() {
  return (
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <I18nProvider>
          <DirectionSync />
          <Notifications position="top-right" />
          <RouterProvider>
            <SessionProvider>
              <Gate />
            </SessionProvider>
          </RouterProvider>
        </I18nProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
