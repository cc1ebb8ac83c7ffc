import type { InboxItem } from './api/types.ts';
import type { I18n, MessageKey } from './i18n/index.tsx';
import type { Session } from './session.tsx';

export type EventCategory = 'hitOnOurs' | 'hitRaised' | 'hitMessage' | 'hitStatus' | 'notice' | 'retention' | 'other';

export interface EventDescription {
  category: EventCategory;
  /** 'hit' for anything about hits, to colour and count them together. */
  group: 'hit' | 'notice' | 'other';
  title: string;
  detail: string;
  href?: string;
  deadline?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const pick = (payload: Record<string, unknown>, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = str(payload[k]);
    if (v) return v;
  }
  return undefined;
};

/** The organisation that owns the record a hit is about, and the one that screened. */
export function hitParties(payload: Record<string, unknown>): { owner?: string; querier?: string } {
  return {
    owner: pick(payload, 'ownerOrg', 'recordOwner', 'owner', 'ownerOrgId'),
    querier: pick(payload, 'querierOrg', 'raisedByOrg', 'screenedByOrg', 'querier', 'queryOrg', 'querierOrgId'),
  };
}

export function categoryOf(e: Pick<InboxItem, 'type' | 'payload' | 'recordType'>, myOrg: string): EventCategory {
  const type = e.type.toLowerCase();
  if (type.startsWith('hit') || e.recordType === 'hit') {
    if (type.includes('message')) return 'hitMessage';
    if (type.includes('status') || type.includes('confirm') || type.includes('false') || type.includes('resolved')) return 'hitStatus';
    const { owner, querier } = hitParties(e.payload);
    if (querier === myOrg && owner !== myOrg) return 'hitRaised';
    return 'hitOnOurs';
  }
  if (type.startsWith('notice') || type.startsWith('diffusion') || e.recordType === 'notice') return 'notice';
  if (type.includes('retention') || type.includes('review_due')) return 'retention';
  return 'other';
}

/** An inbox item or live event in the user's words: what happened and where to look. */
export function describeEvent(e: InboxItem, session: Pick<Session, 'actor' | 'orgName'>, i18n: Pick<I18n, 't' | 'dateTime'>): EventDescription {
  const { t } = i18n;
  const p = e.payload ?? {};
  const category = categoryOf(e, session.actor.orgId);
  const group = category.startsWith('hit') ? 'hit' : category === 'notice' ? 'notice' : 'other';
  let name = pick(p, 'recordName', 'name', 'subjectName', 'displayName', 'summary', 'title');
  // A notice's title reads "Red notice: NAME" in the server's words; the kind is already in ours.
  if (group === 'notice' && name && name.includes(': ')) name = name.slice(name.indexOf(': ') + 2);
  const hitId = pick(p, 'hitId') ?? (e.recordType === 'hit' ? e.recordId ?? undefined : undefined);
  const deadline = pick(p, 'replyDueAt', 'deadline', 'replyBy', 'dueAt');
  const { owner, querier } = hitParties(p);
  const keyOf: Record<EventCategory, MessageKey> = {
    hitOnOurs: 'event.hitOnOurs', hitRaised: 'event.hitRaised', hitMessage: 'event.hitMessage', hitStatus: 'event.hitStatus',
    notice: 'event.notice', retention: 'event.retention', other: 'event.other',
  };
  const kind = pick(p, 'kind', 'noticeKind');
  const status = pick(p, 'status', 'to');
  const title = t(keyOf[category], {
    type: e.type,
    kind: kind ? t(`noticeKind.${kind}` as MessageKey) : '',
    status: status ? t(`status.${status}` as MessageKey) : '',
  });
  const parts: string[] = [];
  if (name) parts.push(name);
  if (category === 'hitOnOurs' && querier) parts.push(t('event.from', { org: session.orgName(querier) }));
  if (category === 'hitRaised' && owner) parts.push(t('event.owner', { org: session.orgName(owner) }));
  if (category === 'notice' && (pick(p, 'owner', 'ownerOrg'))) parts.push(t('event.from', { org: session.orgName(pick(p, 'owner', 'ownerOrg')) }));
  if (category === 'hitMessage' && pick(p, 'fromOrg')) parts.push(t('event.from', { org: session.orgName(pick(p, 'fromOrg')) }));
  if (category === 'hitMessage') {
    const text = pick(p, 'preview', 'text', 'body', 'message');
    if (text) parts.push(`“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`);
  }
  let href: string | undefined;
  if (group === 'hit' && hitId) href = `/hits/${encodeURIComponent(hitId)}`;
  else if (group === 'notice' && e.recordId) href = `/notices/${encodeURIComponent(e.recordId)}`;
  else if (e.recordType === 'person' && e.recordId) href = `/persons/${encodeURIComponent(e.recordId)}`;
  else if (e.recordType === 'document' && e.recordId) href = `/documents/${encodeURIComponent(e.recordId)}`;
  return { category, group, title, detail: parts.join(' · '), href, deadline };
}
