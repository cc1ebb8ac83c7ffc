import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldProblem } from '../platform/errors.ts';
import type { Notice, NoticeKind } from './model.ts';

// The shape of what a member writes in a notice, one schema per kind. Routes validate request
// bodies with them and the service checks them again, so imports and the CLI get the same rules.
// Shape only: whether the content is complete enough to publish is the review's question.

const strict = { additionalProperties: false } as const;
const oneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const str = (max = 200) => Type.String({ maxLength: max });
const text = (max = 4000) => Type.String({ maxLength: max });
const list = <T extends TSchema>(item: T, max = 50) => Type.Array(item, { maxItems: max });
const Opt = Type.Optional;

const PartialDate = Type.String({ maxLength: 10, description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
const Country = Type.String({ maxLength: 3, description: 'ISO 3166-1 alpha-3' });
const Place = Type.Object({ country: Country, locality: Opt(str()) }, strict);

const PersonName = Type.Object({
  value: str(), kind: oneOf(['primary', 'alias', 'birth', 'maiden'] as const), script: oneOf(['Latn', 'Arab', 'Cyrl', 'Hani'] as const),
  given: Opt(str()), family: Opt(str()),
}, strict);

const Subject = Type.Object({
  names: list(PersonName, 30),
  sex: Opt(oneOf(['male', 'female', 'unspecified'] as const)),
  datesOfBirth: list(PartialDate, 10),
  placeOfBirth: Opt(Place),
  nationalities: list(Country, 10),
  identifiers: list(Type.Object({ type: str(50), value: str(100), country: Opt(Country) }, strict)),
  distinguishingMarks: list(str(500)),
  photoRefs: list(str(100), 20),
  languages: Opt(list(str(20), 20)),
  heightCm: Opt(Type.Number()),
}, strict);

const Offence = Type.Object({
  description: text(2000), law: str(500),
  penaltyMax: Opt(Type.Union([Type.Object({ years: Type.Number({ minimum: 0 }) }, strict), Type.Object({ life: Type.Literal(true) }, strict)])),
  committedOn: Opt(PartialDate), committedIn: Opt(list(Country, 20)),
}, strict);

const LegalBasis = Type.Object({
  kind: oneOf(['arrest_warrant', 'court_decision'] as const), reference: str(), issuingAuthority: str(), dateIssued: str(10),
}, strict);

/** Fields every kind may carry besides its own. */
const base = {
  publicExtractAgreed: Opt(Type.Boolean({ description: 'The owner agrees to a public extract (Red and Yellow only)' })),
  remarks: Opt(text(2000)),
};

const Red = Type.Object({ kind: Type.Literal('red'), ...base, subject: Subject, offence: Offence, legalBasis: Opt(LegalBasis), extraditionIntent: Type.Boolean() }, strict);
const Yellow = Type.Object({ kind: Type.Literal('yellow'), ...base, subject: Subject, lastSeen: Type.Object({ on: PartialDate, place: Place }, strict), circumstances: text() }, strict);
const Black = Type.Object({
  kind: Type.Literal('black'), ...base,
  body: Type.Object({
    foundOn: PartialDate, place: Place, sex: Opt(oneOf(['male', 'female', 'unspecified'] as const)),
    estimatedAgeMin: Opt(Type.Number()), estimatedAgeMax: Opt(Type.Number()), heightCm: Opt(Type.Number()),
    marks: list(str(500)), causeOfDeath: Opt(str(500)), dnaProfileRef: Opt(str()), fingerprintsRef: Opt(str()), photoRefs: list(str(100), 20),
  }, strict),
}, strict);
const Purple = Type.Object({
  kind: Type.Literal('purple'), ...base,
  modusOperandi: Type.Object({ crimeType: str(), method: text(), concealment: Opt(text()), route: list(Country, 30), indicators: list(str(500)) }, strict),
}, strict);
const Silver = Type.Object({
  kind: Type.Literal('silver'), ...base, subject: Subject, offence: Offence,
  assets: list(Type.Object({
    type: oneOf(['bank_account', 'real_estate', 'vehicle', 'vessel', 'company', 'crypto_wallet', 'other'] as const),
    description: text(1000), country: Country,
    estimatedValue: Opt(Type.Object({ amount: Type.Number({ minimum: 0 }), currency: str(3) }, strict)),
  }, strict), 100),
}, strict);
const Orange = Type.Object({
  kind: Type.Literal('orange'), ...base, subject: Opt(Subject),
  threat: Type.Object({ nature: oneOf(['person', 'object', 'event', 'process'] as const), description: text(), actionAdvised: text(2000) }, strict),
  expiresAt: Type.String({ maxLength: 40, description: 'ISO 8601 date-time: an orange notice always ends' }),
}, strict);
const Green = Type.Object({
  kind: Type.Literal('green'), ...base, subject: Subject,
  criminalActivity: Type.Object({ description: text(), countries: list(Country, 30), basis: text(2000) }, strict),
}, strict);
const Blue = Type.Object({ kind: Type.Literal('blue'), ...base, subject: Subject, informationSought: text(2000), relatedOffence: Opt(text(2000)) }, strict);
const UnSpecial = Type.Object({
  kind: Type.Literal('un_special'), ...base, subject: Opt(Subject),
  entity: Opt(Type.Object({ name: str(), aliases: list(str()), country: Opt(Country) }, strict)),
  sanctions: Type.Object({ committee: str(500), reference: str(100), measures: list(oneOf(['assets_freeze', 'travel_ban', 'arms_embargo'] as const), 3) }, strict),
}, strict);
const DiffusionContent = Type.Object({
  kind: Type.Literal('diffusion'), ...base,
  purpose: oneOf(['arrest', 'locate', 'missing', 'information', 'warning'] as const),
  recipients: list(Type.String({ maxLength: 64 }), 300),
  message: text(), subject: Opt(Subject), offence: Opt(Offence), legalBasis: Opt(LegalBasis),
}, strict);

/** One schema per kind, so a mistake is reported against the kind the client meant. */
export const CONTENT_SCHEMAS = {
  red: Red, yellow: Yellow, blue: Blue, black: Black, green: Green, orange: Orange,
  purple: Purple, silver: Silver, un_special: UnSpecial, diffusion: DiffusionContent,
} as const satisfies Record<NoticeKind, TSchema>;

/** What a member writes in a notice of any kind; the lifecycle fields are the platform's. */
export const NoticeContentSchema = Type.Union([Red, Yellow, Blue, Black, Green, Orange, Purple, Silver, UnSpecial, DiffusionContent]);

type Lifecycle = 'id' | 'owner' | 'status' | 'reference' | 'createdAt' | 'updatedAt' | 'decisionReasons';
/** The content of a notice: the model's notice without the fields the lifecycle sets. */
export type NoticeContent = Notice extends infer N ? (N extends Notice ? Omit<N, Lifecycle> : never) : never;

// The schemas and the model's types must describe the same thing; this fails to compile if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemasMatchModel: Same<Static<typeof NoticeContentSchema>, NoticeContent> = true;
void _schemasMatchModel;

/** A copy of stored content with only the fields its kind's schema names: views are allow-lists. */
export function cleanContent(content: NoticeContent): NoticeContent {
  return Value.Clean(CONTENT_SCHEMAS[content.kind], structuredClone(content)) as NoticeContent;
}

/** Checks content against its kind's schema; problems name fields under `prefix`. */
export function checkContent(input: unknown, prefix = 'notice'): { content?: NoticeContent; problems: FieldProblem[] } {
  const kind = typeof input === 'object' && input !== null && 'kind' in input ? (input as { kind: unknown }).kind : undefined;
  if (typeof kind !== 'string' || !Object.hasOwn(CONTENT_SCHEMAS, kind)) {
    return { problems: [{ field: `${prefix}.kind`, message: `choose one of ${Object.keys(CONTENT_SCHEMAS).join(', ')}` }] };
  }
  const schema = CONTENT_SCHEMAS[kind as NoticeKind];
  if (Value.Check(schema, input)) return { content: input as NoticeContent, problems: [] };
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, input)) {
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const { additionalProperties: extra, requiredProperties: required } = e.params as { additionalProperties?: unknown; requiredProperties?: unknown };
    // An unknown field is reported twice (as a false schema and as an extra property): keep one.
    if (e.keyword === 'boolean') continue;
    // A missing field is named itself, so a client (or an import's line report) knows which to add.
    if (Array.isArray(required) && required.length) {
      for (const name of required.map(String)) {
        const field = [prefix, path, name].filter(Boolean).join('.');
        if (!seen.has(field)) problems.push({ field, message: 'required' });
        seen.add(field);
      }
      continue;
    }
    const names = Array.isArray(extra) ? extra.map(String) : [];
    const field = [prefix, path, names.join(',')].filter(Boolean).join('.');
    const message = names.length ? `unknown field${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}` : e.message;
    if (!seen.has(field)) problems.push({ field, message });
    seen.add(field);
  }
  return { problems };
}
