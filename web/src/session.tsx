import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, loadCatalogue, onSessionLost, setCsrfToken, type ApiCatalogue } from './api/client.ts';
import type { Actor, Organisation, Role } from './api/types.ts';
import { useI18n, type I18n } from './i18n/index.tsx';

export interface Session {
  actor: Actor;
  catalogue: ApiCatalogue;
  organisations: Organisation[];
  orgName(id: string | null | undefined): string;
  hasRole(...roles: Role[]): boolean;
  signOut(): Promise<void>;
}

interface SessionState {
  status: 'loading' | 'signed-out' | 'signed-in';
  session: Session | null;
  signIn(username: string, password: string): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setActor] = useState<Actor | null>(null);
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [catalogue, setCatalogue] = useState<ApiCatalogue>({ has: () => false, paths: [] });
  const [organisations, setOrganisations] = useState<Organisation[]>([]);

  const enter = useCallback(async (who: Actor, csrf: string | null) => {
    setCsrfToken(csrf);
    const [cat, orgs] = await Promise.all([loadCatalogue(), api.get<Organisation[]>('/organisations').catch(() => [] as Organisation[])]);
    setCatalogue(cat);
    setOrganisations(orgs);
    setActor(who);
    setStatus('signed-in');
  }, []);

  useEffect(() => {
    onSessionLost(() => { setCsrfToken(null); setActor(null); setStatus('signed-out'); });
    api.get<{ actor: Actor; csrfToken: string | null }>('/session')
      .then((s) => enter(s.actor, s.csrfToken))
      .catch(() => setStatus('signed-out'));
  }, [enter]);

  const signIn = useCallback(async (username: string, password: string) => {
    const s = await api.post<{ actor: Actor; csrfToken: string }>('/session', { username, password });
    await enter(s.actor, s.csrfToken);
  }, [enter]);

  const signOut = useCallback(async () => {
    try { await api.del('/session'); } catch (err) { if (!(err instanceof ApiError)) throw err; }
    setCsrfToken(null);
    setActor(null);
    setStatus('signed-out');
  }, []);

  const i18n = useI18n();
  const session = useMemo<Session | null>(() => {
    if (!actor) return null;
    const byId = new Map(organisations.map((o) => [o.id, o]));
    return {
      actor, catalogue, organisations, signOut,
      orgName: (id) => orgLabel(id, byId, i18n),
      hasRole: (...roles) => roles.some((r) => actor.roles.includes(r)),
    };
  }, [actor, catalogue, organisations, signOut, i18n]);

  const value = useMemo(() => ({ status, session, signIn }), [status, session, signIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * An organisation in the user's language: national central bureaus by their country's name
 * (which Intl translates), the secretariat by its title, others by the name they registered.
 */
export function orgLabel(id: string | null | undefined, orgs: ReadonlyMap<string, Organisation>, i18n: Pick<I18n, 't' | 'country'>): string {
  if (!id) return '—';
  const org = orgs.get(id);
  const ncb = /^NCB-([A-Z]{3})$/.exec(id);
  if ((org?.kind === 'ncb' && org.country) || ncb) return i18n.t('org.ncb', { country: i18n.country(org?.country ?? ncb![1]) });
  if (id === 'SECRETARIAT' || org?.kind === 'secretariat') return i18n.t('org.secretariat');
  return org?.name ?? id;
}

/** Organisation names for pages that may be open without a session (public extracts). */
export function useOrgLabel(): (id: string | null | undefined) => string {
  const ctx = useContext(SessionContext);
  const i18n = useI18n();
  const session = ctx?.session;
  return useMemo(() => (session ? session.orgName : (id: string | null | undefined) => orgLabel(id, new Map(), i18n)), [session, i18n]);
}

export function useSessionState(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSessionState outside SessionProvider');
  return ctx;
}

/** The signed-in session; pages only render once there is one. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession before sign-in');
  return session;
}

/** Police roles see records; partners see referrals only. */
export const POLICE_ROLES: Role[] = ['frontline', 'officer', 'analyst', 'reviewer', 'admin'];
