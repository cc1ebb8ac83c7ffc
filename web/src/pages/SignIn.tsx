import { useEffect, useState, type FormEvent } from 'react';
import { Button, Center, Group, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { ApiError } from '../api/client.ts';
import { LOCALES, useI18n, type Locale } from '../i18n/index.tsx';
import { LANGUAGE_NAMES } from '../i18n/messages/index.ts';
import { useSessionState } from '../session.tsx';
import { ErrorNote } from '../components.tsx';

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { signIn } = useSessionState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { document.title = `${t('signIn.title')} · ${t('app.name')}`; }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const wrong = error instanceof ApiError && error.status === 401;
  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
          <form onSubmit={(e) => { void submit(e); }} aria-labelledby="signin-title">
            <Stack>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={1} size="h2" id="signin-title">{t('app.name')}</Title>
                  <Text size="sm" c="gray.8">{t('signIn.tagline')}</Text>
                </div>
                <Select
                  aria-label={t('nav.language')}
                  size="xs"
                  w={120}
                  allowDeselect={false}
                  value={locale}
                  data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                  onChange={(v) => { if (v) setLocale(v as Locale); }}
                  data-testid="language-switch"
                />
              </Group>
              {wrong ? <Text c="red.9" role="alert" size="sm">{t('signIn.wrong')}</Text> : <ErrorNote error={error} />}
              <TextInput label={t('signIn.username')} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus />
              <PasswordInput label={t('signIn.password')} name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={busy} fullWidth>{t('signIn.submit')}</Button>
              <Text size="xs" c="gray.8">{t('signIn.audited')}</Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </main>
  );
}
