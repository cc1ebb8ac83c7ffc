import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, MultiSelect, NumberInput, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { api, ApiError, messagesFor, type FieldProblem } from '../api/client.ts';
import { ROLES, type AuditEntry, type Token, type User } from '../api/types.ts';
import { Empty, ErrorNote, Loading, PageHeader, RecordLink, Section, enumLabel } from '../components.tsx';
import { useLoad } from '../hooks.ts';
import { useI18n } from '../i18n/index.tsx';
import { setQuery, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

function AddUser({ opened, onClose, onAdded }: { opened: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useI18n();
  const { actor, organisations } = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [orgId, setOrgId] = useState(actor.orgId);
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null); setProblems([]);
    try {
      await api.post('/users', { username, displayName, orgId, roles, password });
      setUsername(''); setDisplayName(''); setPassword('');
      onAdded(); onClose();
    } catch (err) { setError(err); if (err instanceof ApiError) setProblems(err.fields); }
  };
  const err = (f: string) => messagesFor(problems, f);
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => { void submit(e); }} noValidate>
        <Stack>
          <ErrorNote error={error} />
          <TextInput label={t('users.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={err('username')} required data-autofocus />
          <TextInput label={t('users.displayName')} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={err('displayName')} required />
          {actor.orgKind === 'secretariat' ? (
            <Select label={t('users.organisation')} searchable data={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.id})` }))} value={orgId} onChange={(v) => setOrgId(v ?? actor.orgId)} error={err('orgId')} allowDeselect={false} />
          ) : null}
          <MultiSelect label={t('users.roles')} data={ROLES.map((r) => ({ value: r, label: enumLabel(t, 'role', r) }))} value={roles} onChange={setRoles} error={err('roles')} required />
          <PasswordInput label={t('users.password')} description={t('users.passwordHint')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={err('password')} required autoComplete="new-password" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit">{t('users.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function UsersPage() {
  const { t, dateTime } = useI18n();
  const { orgName } = useSession();
  const users = useLoad((signal) => api.get<User[]>('/users', undefined, signal), []);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader title={t('users.title')}>
        <Button onClick={() => setAdding(true)}>{t('users.add')}</Button>
      </PageHeader>
      <ErrorNote error={users.error} />
      {users.loading && !users.data ? <Loading /> : null}
      {users.data ? (
        <Table striped data-testid="user-list">
          <Table.Thead><Table.Tr><Table.Th>{t('users.username')}</Table.Th><Table.Th>{t('users.displayName')}</Table.Th><Table.Th>{t('users.organisation')}</Table.Th><Table.Th>{t('users.roles')}</Table.Th><Table.Th>{t('users.state')}</Table.Th><Table.Th>{t('common.created')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {users.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td className="ltr">{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{orgName(u.orgId)}</Table.Td>
                <Table.Td><Group gap={4}>{u.roles.map((r) => <Badge key={r} variant="outline" color="blue.8">{enumLabel(t, 'role', r)}</Badge>)}</Group></Table.Td>
                <Table.Td>{u.disabled ? t('users.disabled') : t('users.active')}</Table.Td>
                <Table.Td>{dateTime(u.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <AddUser opened={adding} onClose={() => setAdding(false)} onAdded={users.reload} />
    </>
  );
}

export function TokensPage() {
  const { t, dateTime } = useI18n();
  const { hasRole } = useSession();
  const tokens = useLoad((signal) => api.get<Token[]>('/tokens', undefined, signal), []);
  const users = useLoad((signal) => (hasRole('admin') ? api.get<User[]>('/users', undefined, signal) : Promise.resolve([] as User[])), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | ''>(30);
  const [forUser, setForUser] = useState<string | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const names = new Map((users.data ?? []).map((u) => [u.id, u.username]));
  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setError(null); setProblems([]);
    try {
      const r = await api.post<{ token: string; info: Token }>('/tokens', { name, ...(days !== '' ? { days } : {}), ...(forUser ? { username: forUser } : {}) });
      setIssued(r.token);
      setName('');
      tokens.reload();
    } catch (err) { setError(err); if (err instanceof ApiError) setProblems(err.fields); }
  };
  const revoke = async (id: string) => {
    setError(null);
    try { await api.del(`/tokens/${id}`); tokens.reload(); } catch (err) { setError(err); }
  };
  return (
    <>
      <PageHeader title={t('tokens.title')} />
      <Text mb="md">{t('tokens.intro')}</Text>
      <ErrorNote error={error} />
      {issued ? (
        <Alert color="#2f6f3a" variant="outline" title={t('tokens.issued')} mb="md" data-testid="issued-token" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setIssued(null)}>
          <Stack gap="xs">
            <Text size="sm">{t('tokens.shownOnce')}</Text>
            <Code block className="ltr">{issued}</Code>
            <CopyButton value={issued}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? t('tokens.copied') : t('tokens.copy')}</Button>}</CopyButton>
          </Stack>
        </Alert>
      ) : null}
      <Section title={t('tokens.issue')}>
        <form onSubmit={(e) => { void issue(e); }}>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('tokens.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={messagesFor(problems, 'name')} required />
            <NumberInput label={t('tokens.days')} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : '')} min={1} max={365} error={messagesFor(problems, 'days')} w={140} />
            {hasRole('admin') ? <Select label={t('tokens.forUser')} clearable searchable data={(users.data ?? []).map((u) => u.username)} value={forUser} onChange={setForUser} error={messagesFor(problems, 'username')} w={220} /> : null}
            <Button type="submit" mt={25}>{t('tokens.issueButton')}</Button>
          </Group>
        </form>
      </Section>
      <Section title={t('tokens.list')}>
        {tokens.loading && !tokens.data ? <Loading /> : null}
        {tokens.data && tokens.data.length === 0 ? <Empty>{t('tokens.none')}</Empty> : null}
        {tokens.data && tokens.data.length ? (
          <Table striped data-testid="token-list">
            <Table.Thead><Table.Tr><Table.Th>{t('tokens.name')}</Table.Th><Table.Th>{t('tokens.user')}</Table.Th><Table.Th>{t('common.created')}</Table.Th><Table.Th>{t('tokens.expires')}</Table.Th><Table.Th>{t('tokens.lastUsed')}</Table.Th><Table.Th>{t('users.state')}</Table.Th><Table.Th><span className="sr-only">{t('tokens.actions')}</span></Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {tokens.data.map((k) => {
                const expired = new Date(k.expiresAt).getTime() < Date.now();
                return (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td className="ltr">{names.get(k.userId) ?? k.userId.slice(0, 8)}</Table.Td>
                    <Table.Td>{dateTime(k.createdAt)}</Table.Td>
                    <Table.Td>{dateTime(k.expiresAt)}</Table.Td>
                    <Table.Td>{k.lastUsedAt ? dateTime(k.lastUsedAt) : '—'}</Table.Td>
                    <Table.Td>{k.revokedAt ? t('tokens.revoked') : expired ? t('tokens.expired') : t('users.active')}</Table.Td>
                    <Table.Td>{!k.revokedAt && !expired ? <Button size="compact-xs" color="red.9" variant="outline" onClick={() => { void revoke(k.id); }} aria-label={t('tokens.revokeOf', { name: k.name })}>{t('tokens.revoke')}</Button> : null}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        ) : null}
      </Section>
    </>
  );
}

const AUDIT_PAGE = 50;

export function AuditPage() {
  const { t, dateTime, number } = useI18n();
  const { orgName } = useSession();
  const { query } = useLocation();
  const username = query.get('username') ?? '';
  const action = query.get('action') ?? '';
  const recordId = query.get('recordId') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const beforeSeq = query.get('beforeSeq') ?? '';
  const [form, setForm] = useState({ username, action, recordId, from, to });
  const entries = useLoad((signal) => api.get<AuditEntry[]>('/audit', {
    username, action, recordId, limit: AUDIT_PAGE, beforeSeq: beforeSeq || undefined,
    from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined,
  }, signal), [username, action, recordId, from, to, beforeSeq]);
  const apply = (e: FormEvent) => { e.preventDefault(); setQuery({ ...form, beforeSeq: undefined }); };
  const last = entries.data?.[entries.data.length - 1];
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <form onSubmit={apply} role="search" aria-label={t('audit.filter')}>
        <Group align="flex-end" mb="md" wrap="wrap">
          <TextInput label={t('audit.user')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} w={160} />
          <TextInput label={t('audit.action')} value={form.action} onChange={(e) => setForm({ ...form, action: e.currentTarget.value })} w={180} placeholder="person.search" />
          <TextInput label={t('audit.record')} value={form.recordId} onChange={(e) => setForm({ ...form, recordId: e.currentTarget.value })} w={280} className="ltr" />
          <TextInput type="datetime-local" label={t('audit.from')} value={form.from} onChange={(e) => setForm({ ...form, from: e.currentTarget.value })} />
          <TextInput type="datetime-local" label={t('audit.to')} value={form.to} onChange={(e) => setForm({ ...form, to: e.currentTarget.value })} />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>
      <ErrorNote error={entries.error} />
      {entries.loading && !entries.data ? <Loading /> : null}
      {entries.data && entries.data.length === 0 ? <Empty>{t('audit.none')}</Empty> : null}
      {entries.data && entries.data.length ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="audit-list" fz="sm">
            <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>{t('audit.at')}</Table.Th><Table.Th>{t('audit.user')}</Table.Th><Table.Th>{t('users.organisation')}</Table.Th><Table.Th>{t('audit.action')}</Table.Th><Table.Th>{t('audit.outcome')}</Table.Th><Table.Th>{t('audit.records')}</Table.Th><Table.Th>{t('audit.results')}</Table.Th><Table.Th>{t('common.purpose')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {entries.data.map((a) => (
                <Table.Tr key={a.seq}>
                  <Table.Td>{number(a.seq)}</Table.Td>
                  <Table.Td>{dateTime(a.at)}</Table.Td>
                  <Table.Td className="ltr">{a.username}</Table.Td>
                  <Table.Td>{orgName(a.orgId)}</Table.Td>
                  <Table.Td className="ltr mono">{a.action}</Table.Td>
                  <Table.Td><Badge variant="outline" color={a.outcome === 'ok' || a.outcome === 'success' ? '#2f6f3a' : 'red.9'}>{enumLabel(t, 'outcome', a.outcome)}</Badge></Table.Td>
                  <Table.Td>
                    {a.recordIds.slice(0, 3).map((id) => <div key={id}><RecordLink type={a.recordType} id={id}><span className="ltr mono">{id.slice(0, 8)}</span></RecordLink></div>)}
                    {a.recordIds.length > 3 ? <Text size="xs">{t('audit.more', { count: a.recordIds.length - 3 })}</Text> : null}
                  </Table.Td>
                  <Table.Td>{a.resultCount ?? '—'}</Table.Td>
                  <Table.Td>{a.purpose ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group justify="flex-end" mt="md">
        {beforeSeq ? <Button variant="default" size="xs" onClick={() => setQuery({ beforeSeq: undefined })}>{t('audit.newest')}</Button> : null}
        {entries.data && entries.data.length === AUDIT_PAGE && last ? <Button variant="default" size="xs" onClick={() => setQuery({ beforeSeq: last.seq })}>{t('audit.older')}</Button> : null}
      </Group>
    </>
  );
}
