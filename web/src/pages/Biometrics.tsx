import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, FileInput, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { send } from '../api/client.ts';
import type { ApiCatalogue } from '../api/endpoints.ts';
import { ErrorNote, RecordLink, SubjectBadge, Unavailable, enumLabel } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

interface Box { x: number; y: number; width: number; height: number }

/** One record a biometric search found, in full or only that it exists and whom to contact. */
export interface BiometricCandidate {
  recordType: string; recordId: string | null; sampleId: string | null; owner: string; ownerName: string; disclosure: string;
  score: number; match: boolean; fingerPosition: number | null; subject: string;
  person: { names: { value: string; kind: string }[]; birthDates: string[]; nationalities: string[]; sex: string; photos: string[] } | null;
  mark: { kind: string; caseReference: string | null } | null; hitId: string | null;
}

interface FaceResult { outcome: 'hit' | 'no_hit'; threshold: number; faces: { box: Box; detectionScore: number; candidates: BiometricCandidate[] }[]; searched: number; tookMs: number }
interface FingerprintResult {
  outcome: 'hit' | 'no_hit'; threshold: number; probe: { minutiaeCount: number; fingerPosition: number; latent: boolean };
  candidates: BiometricCandidate[]; searched: number; tookMs: number;
}

export const offersBiometrics = (c: ApiCatalogue) => c.has('POST', '/biometrics/faces/identify') || c.has('POST', '/biometrics/fingerprints/identify');

function CandidateTable({ candidates }: { candidates: BiometricCandidate[] }) {
  const { t, percent, date, country } = useI18n();
  const { orgName } = useSession();
  if (!candidates.length) return <Text>{t('bio.none')}</Text>;
  return (
    <Table striped data-testid="bio-candidates">
      <Table.Thead><Table.Tr><Table.Th>{t('screening.score')}</Table.Th><Table.Th>{t('hit.record')}</Table.Th><Table.Th>{t('envelope.owner')}</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {candidates.map((c, i) => {
          const name = (c.person?.names.find((n) => n.kind === 'primary') ?? c.person?.names[0])?.value;
          const photo = c.person?.photos[0];
          return (
            <Table.Tr key={i}>
              <Table.Td>
                <Text fw={700}>{percent(Math.max(0, c.score))}</Text>
                <Badge variant="filled" color={c.match ? 'red.9' : 'gray.8'}>{c.match ? t('bio.match') : t('bio.noMatch')}</Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  {photo && c.disclosure === 'full' ? <img src={`/api/v1/photos/${photo}`} alt={name ?? ''} width={56} height={56} style={{ objectFit: 'cover', borderRadius: 4 }} /> : null}
                  <div>
                    {c.disclosure !== 'full' || !c.recordId ? <Text>{t('screening.withheld')}</Text>
                      : c.mark ? <Text>{t('bio.mark', { kind: enumLabel(t, 'markKind', c.mark.kind) })}{c.mark.caseReference ? ` · ${c.mark.caseReference}` : ''}</Text>
                        : <RecordLink type={c.recordType} id={c.recordId}>{name ?? '—'}</RecordLink>}
                    <Group gap={4} mt={4}>
                      <SubjectBadge subject={c.subject} />
                      {c.fingerPosition ? <Text size="xs">{t('bio.finger', { n: c.fingerPosition })}</Text> : null}
                      <Text size="xs" c="gray.8">{[(c.person?.birthDates ?? []).map((d) => date(d)).join(', '), (c.person?.nationalities ?? []).map((n) => country(n)).join(', ')].filter(Boolean).join(' · ')}</Text>
                    </Group>
                    {c.hitId ? <Link href={`/hits/${encodeURIComponent(c.hitId)}`} className="link">{t('screening.openHit')}</Link> : null}
                  </div>
                </Group>
              </Table.Td>
              <Table.Td>{orgName(c.owner)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The probe image with the faces the search found outlined, numbered as in the lists beside it. */
function Probe({ url, faces }: { url: string; faces: { box: Box }[] }) {
  const { t } = useI18n();
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  return (
    <div style={{ position: 'relative', display: 'inline-block', maxWidth: '100%' }}>
      <img src={url} alt={t('bio.probe')} style={{ maxWidth: '100%', display: 'block' }} onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} />
      {size ? faces.map((f, i) => (
        <div key={i} aria-hidden style={{
          position: 'absolute', border: '3px solid #c92a2a', left: `${(f.box.x / size.w) * 100}%`, top: `${(f.box.y / size.h) * 100}%`,
          width: `${(f.box.width / size.w) * 100}%`, height: `${(f.box.height / size.h) * 100}%`,
        }}>
          <span style={{ background: '#c92a2a', color: '#fff', padding: '0 4px', fontSize: 12 }}>{i + 1}</span>
        </div>
      )) : null}
    </div>
  );
}

export function BiometricScreening() {
  const { t, number } = useI18n();
  const { catalogue } = useSession();
  const faces = catalogue.has('POST', '/biometrics/faces/identify');
  const prints = catalogue.has('POST', '/biometrics/fingerprints/identify');
  const [mode, setMode] = useState<'face' | 'fingerprint'>(faces ? 'face' : 'fingerprint');
  const [file, setFile] = useState<File | null>(null);
  const [latent, setLatent] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [faceResult, setFaceResult] = useState<FaceResult | null>(null);
  const [printResult, setPrintResult] = useState<FingerprintResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!file || mode !== 'face') { setPreview(null); return undefined; }
    const u = URL.createObjectURL(file);
    setPreview(u);
    return () => URL.revokeObjectURL(u);
  }, [file, mode]);

  if (!faces && !prints) return <Unavailable what={t('bio.tab')} />;

  const run = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true); setError(null); setFaceResult(null); setPrintResult(null);
    try {
      if (mode === 'face') {
        const res = await send('POST', '/biometrics/faces/identify', { body: file, contentType: file.type || 'image/jpeg' });
        setFaceResult((await res.json()) as FaceResult);
      } else {
        const res = await send('POST', '/biometrics/fingerprints/identify', { body: file, contentType: 'application/octet-stream', query: latent ? { latent: true } : undefined });
        setPrintResult((await res.json()) as FingerprintResult);
      }
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  const result = faceResult ?? printResult;
  return (
    <Stack>
      <form onSubmit={(e) => { void run(e); }}>
        <Stack>
          <SegmentedControl w="fit-content" value={mode} onChange={(v) => { setMode(v as 'face' | 'fingerprint'); setFile(null); }} aria-label={t('screening.input')}
            data={[...(faces ? [{ value: 'face', label: t('bio.face') }] : []), ...(prints ? [{ value: 'fingerprint', label: t('bio.fingerprint') }] : [])]} />
          <Group align="flex-end">
            <FileInput label={mode === 'face' ? t('bio.image') : t('bio.template')} accept={mode === 'face' ? 'image/jpeg,image/png,image/webp' : undefined}
              value={file} onChange={setFile} w={340} clearable clearButtonProps={{ 'aria-label': t('common.clear') }} placeholder={t('manifest.choose')} />
            {mode === 'fingerprint' ? <Checkbox label={t('bio.latent')} checked={latent} onChange={(e) => setLatent(e.currentTarget.checked)} mb={8} /> : null}
            <Button type="submit" disabled={!file} loading={busy}>{t('bio.search')}</Button>
          </Group>
        </Stack>
      </form>
      <ErrorNote error={error} />
      {result ? (
        <Alert color={result.outcome === 'hit' ? 'red.9' : '#2f6f3a'} variant="outline" className="verdict" data-testid="verdict" data-verdict={result.outcome === 'hit' ? 'hit' : 'no-hit'}
          title={<Title order={2} size="h2" c={result.outcome === 'hit' ? 'red.9' : '#2f6f3a'}>{result.outcome === 'hit' ? t('screening.hit') : t('screening.noHit')}</Title>}>
          <Text size="sm">{t('bio.searched', { count: number(result.searched), ms: number(Math.round(result.tookMs)) })}</Text>
        </Alert>
      ) : null}
      {faceResult ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="sm">{preview ? <Probe url={preview} faces={faceResult.faces} /> : null}</Paper>
          <Stack>
            {faceResult.faces.length === 0 ? <Text>{t('bio.noFace')}</Text> : null}
            {faceResult.faces.map((f, i) => (
              <Stack key={i} gap="xs">
                <Title order={3} size="h5">{t('bio.faceN', { n: i + 1 })}</Title>
                <CandidateTable candidates={f.candidates} />
              </Stack>
            ))}
          </Stack>
        </SimpleGrid>
      ) : null}
      {printResult ? (
        <Stack>
          <Text size="sm">{t('bio.minutiae', { count: printResult.probe.minutiaeCount })} · {t('bio.finger', { n: printResult.probe.fingerPosition })}</Text>
          <CandidateTable candidates={printResult.candidates} />
        </Stack>
      ) : null}
    </Stack>
  );
}
