import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { messagesFor, type FieldProblem } from './api/client.ts';
import { ACCURACIES, AUDIENCES, HANDLING_CODES, RELIABILITIES, SUBJECTS, TLPS, type Envelope, type EnvelopeInput } from './api/types.ts';
import { OrgMultiSelect, enumLabel } from './components.tsx';
import { useI18n } from './i18n/index.tsx';

export interface EnvelopeDraft {
  audience: string;
  audienceOrgs: string[];
  deniedOrgs: string[];
  tlp: string;
  handling: string;
  subject: string;
  reliability: string;
  accuracy: string;
  source: string;
  reviewAt: string;
}

export function envelopeDraft(env?: Envelope, defaults: Partial<EnvelopeDraft> = {}): EnvelopeDraft {
  return {
    audience: env?.audience ?? defaults.audience ?? 'all',
    audienceOrgs: env?.audienceOrgs ?? [],
    deniedOrgs: env?.deniedOrgs ?? [],
    tlp: env?.tlp ?? defaults.tlp ?? 'AMBER',
    handling: env?.handling ?? 'H0',
    subject: env?.subject ?? defaults.subject ?? 'suspect',
    reliability: env?.reliability ?? 'B',
    accuracy: env?.accuracy ?? '2',
    source: env?.source ?? '',
    reviewAt: env?.reviewAt ? env.reviewAt.slice(0, 10) : '',
  };
}

/** The envelope as the API takes it; the review date only when the owner set one. */
export function envelopeInput(d: EnvelopeDraft): EnvelopeInput {
  return {
    audience: d.audience as EnvelopeInput['audience'],
    audienceOrgs: d.audience === 'listed' ? d.audienceOrgs : [],
    deniedOrgs: d.deniedOrgs,
    tlp: d.tlp as EnvelopeInput['tlp'],
    handling: d.handling as EnvelopeInput['handling'],
    subject: d.subject as EnvelopeInput['subject'],
    reliability: d.reliability as EnvelopeInput['reliability'],
    accuracy: d.accuracy as EnvelopeInput['accuracy'],
    ...(d.source.trim() ? { source: d.source.trim() } : {}),
    ...(d.reviewAt ? { reviewAt: new Date(`${d.reviewAt}T00:00:00Z`).toISOString() } : {}),
  };
}

/** The access envelope as a form: who may see the record and how it may be handled. */
export function EnvelopeFields({ value, onChange, problems, prefix = 'envelope' }: {
  value: EnvelopeDraft; onChange(v: EnvelopeDraft): void; problems: readonly FieldProblem[]; prefix?: string;
}) {
  const { t } = useI18n();
  const set = <K extends keyof EnvelopeDraft>(k: K, v: EnvelopeDraft[K]) => onChange({ ...value, [k]: v });
  const err = (f: string) => messagesFor(problems, `${prefix}.${f}`);
  const options = (group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: enumLabel(t, group, v) }));
  return (
    <Fieldset legend={t('envelope.legend')} data-testid="envelope">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('envelope.audience')} data={options('audience', AUDIENCES)} value={value.audience} onChange={(v) => set('audience', v ?? 'all')} allowDeselect={false} error={err('audience')} name="audience" />
        <Select label={t('envelope.tlp')} data={TLPS.map((v) => ({ value: v, label: `TLP:${v} — ${enumLabel(t, 'tlp', v)}` }))} value={value.tlp} onChange={(v) => set('tlp', v ?? 'AMBER')} allowDeselect={false} error={err('tlp')} name="tlp" />
        {value.audience === 'listed' ? (
          <OrgMultiSelect label={t('envelope.audienceOrgs')} value={value.audienceOrgs} onChange={(v) => set('audienceOrgs', v)} error={err('audienceOrgs')} />
        ) : null}
        <OrgMultiSelect label={t('envelope.deniedOrgs')} value={value.deniedOrgs} onChange={(v) => set('deniedOrgs', v)} error={err('deniedOrgs')} />
        <Select label={t('envelope.handling')} data={options('handling', HANDLING_CODES)} value={value.handling} onChange={(v) => set('handling', v ?? 'H0')} allowDeselect={false} error={err('handling')} />
        <Select label={t('envelope.subject')} data={options('subject', SUBJECTS)} value={value.subject} onChange={(v) => set('subject', v ?? 'other')} allowDeselect={false} error={err('subject')} name="subject" />
        <Select label={t('envelope.reliabilityOnly')} data={RELIABILITIES.map((v) => ({ value: v, label: `${v} — ${enumLabel(t, 'reliability', v)}` }))} value={value.reliability} onChange={(v) => set('reliability', v ?? 'B')} allowDeselect={false} error={err('reliability')} />
        <Select label={t('envelope.accuracy')} data={ACCURACIES.map((v) => ({ value: v, label: `${v} — ${enumLabel(t, 'accuracy', v)}` }))} value={value.accuracy} onChange={(v) => set('accuracy', v ?? '2')} allowDeselect={false} error={err('accuracy')} />
        <TextInput label={t('envelope.source')} value={value.source} onChange={(e) => set('source', e.currentTarget.value)} error={err('source')} />
        <TextInput type="date" label={t('envelope.reviewAt')} description={t('envelope.reviewAtHint')} value={value.reviewAt} onChange={(e) => set('reviewAt', e.currentTarget.value)} error={err('reviewAt')} />
      </SimpleGrid>
    </Fieldset>
  );
}
