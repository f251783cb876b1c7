/**
 * The shape of the knowledge files, defined once.
 *
 * These zod schemas are the single source of truth for three things: the TypeScript types of the
 * domain (src/domain/types.ts infers them from here), the validation `npm run knowledge:check` runs,
 * and the JSON Schema files in knowledge/schema/ that VS Code's YAML extension uses while a
 * maintainer types (`npm run knowledge:schema` regenerates them).
 *
 * Only per-field rules live here. Rules that involve several fields or entries (date consistency,
 * attack targets, unique ids, references, quotes found in the archived text, alias collisions) are
 * checked in their own modules next to this one (dates.ts, fact-rules.ts, ids.ts, references.ts,
 * quotes.ts, aliases.ts…), run by build.ts.
 */
import { z } from 'zod';

/**
 * Short display names: what a card shows in a footnote or beside a claim, where the full name or
 * title would crowd out the answer (a Discord reader sees about 40 characters a line on a phone).
 */
export const SHORT_NAME_MAX = 32;
export const ShortName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SHORT_NAME_MAX, `must be at most ${SHORT_NAME_MAX} characters: a few words a card can show beside a claim`);

/** Lowercase ASCII words joined by hyphens: `ain-hawr`, `sofrep-2020-08-26`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens');

const NonEmpty = z.string().trim().min(1, 'must not be empty');

/** YYYY, YYYY-MM or YYYY-MM-DD; which one is allowed depends on the precision (checks in dates.ts). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY');

/**
 * How precise a date is. The sources often give relative or implied dates ("last Tuesday", "more
 * than a week ago", a day without a year), and a fact must never claim more precision than that.
 * - day: the exact day is known (`date: 2020-07-22`).
 * - week: known to within a week (`date_earliest`/`date_latest` at most 7 days apart).
 * - month: only the month (`date: 2020-07`).
 * - year: only the year (`date: 2020`).
 * - approximate: a best estimate with bounds (`date_earliest` ≤ `date` ≤ `date_latest`).
 */
export const DatePrecision = z.enum(['day', 'week', 'month', 'year', 'approximate']);

/** Whether the source states the date, or we worked it out (then `date_reasoning` says how). */
export const DateBasis = z.enum(['stated', 'inferred']);

/** The date fields shared by facts and by a source's publication date. */
export const DatedShape = {
  date: IsoDate.describe('The date (YYYY-MM-DD, or YYYY-MM for month precision, YYYY for year).'),
  date_precision: DatePrecision.describe('How precise `date` is: day, week, month, year or approximate.'),
  date_earliest: IsoDate.optional().describe('Earliest possible day (required for week and approximate).'),
  date_latest: IsoDate.optional().describe('Latest possible day (required for week and approximate).'),
  date_basis: DateBasis.describe('stated: the source gives the date; inferred: worked out (explain in date_reasoning).'),
  date_reasoning: z
    .string()
    .optional()
    .describe('How the date was worked out, in words; required when date_basis is inferred.'),
};

export const SourceLanguage = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as en');

/** A part of an archived text that is not the article: its names and dates are not facts. */
export const NonArticleKind = z.enum([
  'reader-comments',
  'donation-widget',
  'paywall-prompt',
  'site-banner',
  'photo-caption',
  'navigation',
  'author-bio',
  'promotion',
  'duplicate-headline',
]);

export const NonArticlePart = z
  .object({
    kind: NonArticleKind,
    lines: z
      .string()
      .regex(/^\d+(?:-\d+)?$/, 'must be a line or a line range of the archived text: 12 or 12-40')
      .describe('Lines of the archived text (1-based, inclusive) that this part covers.'),
    note: z.string().optional(),
  })
  .strict();

export const SourceSchema = z
  .object({
    id: Slug,
    title: NonEmpty,
    publisher: NonEmpty.nullable().describe('The outlet as the text names it; null when the text never names it.'),
    publisher_note: z.string().optional().describe('Why the publisher is null, or how it is known.'),
    short_name: ShortName.describe(
      'What a card calls the source in its footnotes, a few words: "SouthFront", "unnamed Latakia outlet". The title stays for the quotes panel.',
    ),
    author: NonEmpty.optional(),
    language: SourceLanguage,
    kind: z.enum(['news-article', 'press-release', 'analysis']).default('news-article'),
    url: z.url().optional().describe('Only where known. The seeds carry none: never invent one.'),
    archive: z
      .string()
      .regex(/^archive\/[a-z0-9-]+\.txt$/, 'must be a path like archive/<source-id>.txt')
      .describe('The archived text as collected, relative to knowledge/.'),
    non_article: z.array(NonArticlePart).default([]).describe('Parts of the archived text that are not the article.'),
    summary: z.string().optional().describe('What the article is about, in our words.'),
    ...DatedShape,
  })
  .strict();

export const PlaceKind = z.enum([
  'city',
  'town',
  'village',
  'highway',
  'province',
  'region',
  'country',
  'military-post',
]);

export const PlaceSchema = z
  .object({
    id: Slug,
    name: NonEmpty,
    kind: PlaceKind,
    region: NonEmpty.describe('Where it is, in words: "southern Idlib province, Syria".'),
    aliases: z.array(NonEmpty).default([]).describe('Every other spelling the sources use.'),
    within: Slug.optional().describe(
      'Id of the place this one lies in (village → province → country): /where on the larger place includes what happened here.',
    ),
    note: z.string().optional(),
  })
  .strict();

export const ClaimantSchema = z
  .object({
    id: Slug,
    name: NonEmpty,
    short_name: ShortName.describe('What a card calls the claimant beside a claim: "Turkish MoD", "Polyakov".'),
    kind: z.enum(['government', 'military', 'media', 'official', 'local-sources', 'armed-group', 'experts']),
    note: z.string().optional(),
  })
  .strict();

export const FactKind = z.enum([
  'patrol',
  'attack',
  'casualties',
  'agreement',
  'training',
  'statement',
  'military-action',
  'humanitarian',
  'context',
]);

/** Who an attack hit: the joint patrols themselves, or the forces involved elsewhere (shown as related). */
export const AttackTarget = z.enum(['joint-patrol', 'related-forces']);

export const FactSchema = z
  .object({
    id: Slug.describe('Stable id: never reuse or rename one that has been published.'),
    statement: NonEmpty.describe('A short statement in our own words.'),
    quote: NonEmpty.describe("The source's verbatim words that support the statement."),
    source: Slug.describe('Id of a source in sources.yaml.'),
    claimant: Slug.describe('Id of a claimant in claimants.yaml: who asserts this.'),
    reported_via: z.array(Slug).default([]).describe('Claimant ids the claim passed through (an agency quoting a ministry).'),
    kind: FactKind,
    attack_target: AttackTarget.optional().describe('Required for kind: attack.'),
    patrols: z
      .array(z.number().int().min(1).max(999))
      .default([])
      .describe(
        'Ordinal numbers of the joint patrols this fact concerns, as its source numbers them: not a count ("25 patrols"), and not a number we worked out (that belongs in the event).',
      ),
    no_event_reason: z
      .string()
      .optional()
      .describe(
        'Why this fact names a patrol in `patrols` yet reports none of the events of that patrol in events.yaml (every other such fact must be in one).',
      ),
    places: z.array(Slug).default([]).describe('Ids of places in places.yaml.'),
    tags: z.array(Slug).default([]),
    ...DatedShape,
  })
  .strict();

export const DisputeSchema = z
  .object({
    id: Slug,
    title: NonEmpty.describe('The question the sources answer differently.'),
    differs: NonEmpty.describe('What exactly differs between the claims, in words.'),
    aspect: z.enum(['count', 'date', 'place', 'route', 'casualties', 'outcome', 'method', 'numbering']),
    claims: z.array(Slug).min(2, 'a dispute links at least two facts').describe('Ids of the facts that disagree.'),
    note: z.string().optional(),
  })
  .strict();

/**
 * Events: one record per thing that happened (a patrol, an attack, a training…), grouping the facts
 * that report it, in the way conflict-event data sets such as ACLED keep one coded event per
 * incident with its sources. Cards are built from these records: the facts stay the evidence, the
 * event says what they add up to, in lines that cite them.
 */
export const EventKind = z.enum(['patrol', 'attack', 'training', 'agreement', 'suspension', 'humanitarian', 'military-action']);

/** A patrol's ordinal and how we know it: stated by a source, or worked out (then say how). */
export const PatrolNumberSchema = z
  .object({
    number: z.number().int().min(1).max(999).describe('The ordinal: 22 for the 22nd joint patrol.'),
    basis: DateBasis.describe('stated: a source gives the number (name it in stated_in); inferred: worked out (say how in reasoning).'),
    stated_in: z.array(Slug).default([]).describe('Ids of the facts (of this event) whose quote gives the number.'),
    reasoning: z.string().optional().describe('How the number was worked out; required when basis is inferred.'),
    note: z
      .string()
      .optional()
      .describe('A few words for the card when the number is inferred: "number inferred from route and date".'),
  })
  .strict();

/** Text a card shows, with the facts it rests on: every word shown carries its citation. */
export const CitedTextSchema = z
  .object({
    text: NonEmpty,
    cites: z.array(Slug).min(1, 'cite at least one fact of the event').describe('Ids of facts in the event\'s reports.'),
  })
  .strict();

/**
 * One labelled line of a card: either a plain line (`text` and `cites`), or a disputed one whose
 * `sides` the card shows side by side ("none [1] vs mines cleared on the route [2]"), naming the
 * dispute it is about.
 */
export const CardLineSchema = z
  .object({
    label: NonEmpty.describe('A word or two: Route, Who, Trouble, Damage, Casualties, End…'),
    text: NonEmpty.optional().describe('The line, for a point the sources agree on.'),
    cites: z.array(Slug).default([]).describe('Ids of the facts (of this event) the text rests on.'),
    dispute: Slug.optional().describe('Id of the dispute in disputes.yaml this line is about; required with sides.'),
    sides: z.array(CitedTextSchema).optional().describe('Each side of a disputed point, with the facts that claim it.'),
  })
  .strict();

export const ActorRole = z.enum(['participant', 'attacker', 'target', 'responder', 'announcer']);

export const ActorSchema = z
  .object({
    name: NonEmpty.describe('Who, as the sources name them: "Russian Military Police", "unidentified militants".'),
    role: ActorRole,
    cites: z.array(Slug).min(1, 'cite at least one fact of the event'),
  })
  .strict();

export const EventSchema = z
  .object({
    id: Slug.describe('Stable id: never reuse or rename one that has been published.'),
    kind: EventKind,
    name: NonEmpty.describe('A short name for headings, lists and menus: "First full patrol", "Second joint training".'),
    patrol: PatrolNumberSchema.optional().describe('A patrol: its ordinal. An attack on a patrol: the ordinal of the patrol hit.'),
    target: AttackTarget.optional().describe('Attacks only: joint-patrol or related-forces.'),
    ...DatedShape,
    date_note: z
      .string()
      .optional()
      .describe('A few words for the card when the date is inferred: "year inferred from context".'),
    places: z.array(Slug).default([]).describe('Ids of the places where it happened.'),
    route: z
      .object({ from: Slug, to: Slug })
      .strict()
      .optional()
      .describe('For a patrol: where it set off and where it ended, as place ids.'),
    actors: z.array(ActorSchema).default([]).describe('Who did it (not who claims it: that is each fact\'s claimant).'),
    reports: z.array(Slug).min(1, 'an event is reported by at least one fact').describe('Ids of the facts that report this event.'),
    identification: z
      .string()
      .optional()
      .describe('Why reports from different sources are taken to be one event: no source says so, we worked it out.'),
    identification_note: z
      .string()
      .optional()
      .describe('A few words for the card, with identification: "Latakia report matched by route, not numbered".'),
    summary: CitedTextSchema.describe("The card's first line: what happened, in one sentence."),
    brief: CitedTextSchema.describe('A few words for lists and menus: "first full run, Tronba → Ain Hawr".'),
    lines: z.array(CardLineSchema).default([]).describe("The card's labelled lines."),
    note: z.string().optional().describe('Remarks for maintainers; never shown.'),
  })
  .strict();

/** Each knowledge file is a YAML list of one kind of entry. */
export const SourcesFile = z.array(SourceSchema);
export const PlacesFile = z.array(PlaceSchema);
export const ClaimantsFile = z.array(ClaimantSchema);
export const FactsFile = z.array(FactSchema);
export const DisputesFile = z.array(DisputeSchema);
export const EventsFile = z.array(EventSchema);
