/**
 * The pure core of loading: knowledge files in memory → a validated, frozen FactBase, or every
 * problem found. Each file is parsed once; cross-entry checks use Maps keyed by id, and quotes are
 * matched against article text normalised once per source.
 */
import { createHash } from 'node:crypto';
import type { Claimant, Dispute, EventRecord, Fact, FactBase, KnowledgeIssue, Place, Source } from '../domain/types.ts';
import { checkAliasCollisions, checkAliasShapes } from './aliases.ts';
import { buildArticleText, type ArticleText } from './article-text.ts';
import { checkDates, checkNotAfterPublication } from './dates.ts';
import { checkDisputeClaims } from './dispute-rules.ts';
import { checkCardText, checkPatrolCards, checkUniqueNames } from './card-text-rules.ts';
import { checkEventFitsReports } from './event-dates.ts';
import { checkEvent } from './event-rules.ts';
import { validateEntries, type EntrySchema, type Located } from './entries.ts';
import { checkAttackTarget } from './fact-rules.ts';
import { fileEntries, isEditorLitter, TOP_LEVEL_FILES, type KnowledgeFiles } from './files.ts';
import { checkUniqueIds, type RawId } from './ids.ts';
import { didYouMean, sortIssues } from './issues.ts';
import { checkPatrolMembership } from './patrol-membership.ts';
import { checkWithin } from './place-tree.ts';
import { checkOrdinalsNotCounts } from './patrol-ordinals.ts';
import { checkDisputeQuoteMarks, checkEventQuoteMarks, checkFactQuoteMarks } from './quote-marks.ts';
import { checkDisputeReaderText, checkEventReaderText, checkFactReaderText, checkPlaceReaderText, InternalIds } from './reader-text.ts';
import { checkQuote } from './quotes.ts';
import { checkArchiveExists, checkDisputeReferences, checkFactReferences, type IdCatalogue } from './references.ts';
import { ClaimantSchema, DisputeSchema, EventSchema, FactSchema, PlaceSchema, SourceSchema } from './schema.ts';
import { deepFreeze, ReadOnlyMap } from './freeze.ts';
import { parseYamlFile } from './yaml-file.ts';

export type LoadResult = { ok: true; base: FactBase } | { ok: false; issues: KnowledgeIssue[] };

/**
 * Files every knowledge directory must have, each with at least one entry. disputes.yaml may be
 * absent or empty (no disputes yet); every facts file that exists must have entries too.
 */
const REQUIRED = new Set(['sources.yaml', 'places.yaml', 'claimants.yaml', 'events.yaml']);
const FACTS_FILE = /^facts\/[^/]+\.yaml$/;
const ARCHIVE_FILE = /^archive\/[^/]+\.txt$/;

/** A version as people are shown it (the /reload report, the preview page, the metrics label): its first 12 hex digits. */
export function shortVersion(version: string): string {
  return version.slice(0, 12);
}

/** A sha256 over every file's path and text, in path order: changes whenever any file does. */
function knowledgeVersion(files: readonly (readonly [string, string])[]): string {
  const hash = createHash('sha256');
  for (const [name, text] of files) {
    hash.update(`${name}\u0000${Buffer.byteLength(text)}\u0000`);
    hash.update(text);
  }
  return hash.digest('hex');
}

interface Group<T> {
  readonly valid: Located<T>[];
  readonly rawIds: RawId[];
  complete: boolean;
}

export function buildFactBase(input: KnowledgeFiles): LoadResult {
  const { root } = input;
  const all = fileEntries(input.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const issues: KnowledgeIssue[] = [];
  const archives = new Map<string, string>();
  const yamlFiles: { name: string; label: string; text: string }[] = [];
  /** The files the base is built from, in path order: what its version is a hash of. */
  const loaded: [string, string][] = [];
  let misnamedFacts = false;

  for (const file of all) {
    const [name, text] = file;
    if (name.split('/').some(isEditorLitter)) continue;
    if ((TOP_LEVEL_FILES as readonly string[]).includes(name)) yamlFiles.push({ name, label: name.replace(/\.yaml$/, ''), text });
    else if (FACTS_FILE.test(name)) yamlFiles.push({ name, label: 'facts', text });
    else if (ARCHIVE_FILE.test(name)) archives.set(name, text);
    else {
      const message = notKnowledge(name);
      if (message !== null) issues.push({ path: `${root}/${name}`, line: 1, field: name, message });
      // A misnamed facts file holds facts that are now unknown: as for one that does not parse,
      // references to them are not judged, so its name is the one problem reported.
      if (/^facts\/[^/]+\.ya?ml$/i.test(name)) misnamedFacts = true;
      continue;
    }
    loaded.push(file);
  }

  const groups = {
    sources: newGroup<Source>(),
    places: newGroup<Place>(),
    claimants: newGroup<Claimant>(),
    disputes: newGroup<Dispute>(),
    events: newGroup<EventRecord>(),
    facts: newGroup<Fact>(),
  };
  const schemas = {
    sources: SourceSchema,
    places: PlaceSchema,
    claimants: ClaimantSchema,
    disputes: DisputeSchema,
    events: EventSchema,
    facts: FactSchema,
  } as const;
  if (misnamedFacts) groups.facts.complete = false;
  // There but not readable as a file (a broken link, a subfolder of facts/…): reported at its path,
  // and what it may have held is not judged missing elsewhere, as for a file that does not parse.
  const unreadable = input.unreadable ? fileEntries(input.unreadable) : [];
  for (const [name, message] of unreadable) {
    issues.push({ path: `${root}/${name}`, line: 1, field: name, message });
    if ((TOP_LEVEL_FILES as readonly string[]).includes(name)) groups[name.replace(/\.yaml$/, '') as keyof typeof groups].complete = false;
    if (name === 'facts' || name.startsWith('facts/')) groups.facts.complete = false;
  }
  for (const name of REQUIRED) {
    if (all.some(([present]) => present === name) || unreadable.some(([present]) => present === name)) continue;
    const kind = name.replace(/\.yaml$/, '') as 'sources' | 'places' | 'claimants' | 'events';
    issues.push({ path: `${root}/${name}`, line: 1, field: kind, message: 'file is missing' });
    groups[kind].complete = false; // its ids are unknown, so references to them are not judged
  }
  for (const { name, label, text } of yamlFiles) {
    const kind = label as keyof typeof groups;
    const parsed = parseYamlFile(name, `${root}/${name}`, label, text);
    append(issues, parsed.issues);
    const group = groups[kind] as Group<unknown>;
    if (parsed.file.entries === null) {
      group.complete = false;
      continue;
    }
    if (parsed.file.entries.length === 0 && (REQUIRED.has(name) || kind === 'facts')) {
      // Reported here, once, rather than as an "unknown …" at every reference to what it held.
      issues.push(noEntries(`${root}/${name}`, label, text));
      group.complete = false;
      continue;
    }
    // The group and the schema belong to the same kind; TypeScript cannot follow that through the loop.
    const validated = validateEntries(parsed.file, schemas[kind] as EntrySchema<unknown>);
    append(issues, validated.issues);
    append(group.valid, validated.valid);
    append(group.rawIds, validated.rawIds);
  }

  for (const [kind, noun] of [
    ['sources', 'source'],
    ['places', 'place'],
    ['claimants', 'claimant'],
    ['disputes', 'dispute'],
    ['events', 'event'],
    ['facts', 'fact'],
  ] as const) {
    append(issues, checkUniqueIds(noun, groups[kind].rawIds));
  }

  const catalogue = (kind: keyof typeof groups, where: string): IdCatalogue => ({
    ids: new Set(groups[kind].rawIds.map((entry) => entry.id)),
    complete: groups[kind].complete,
    where,
  });
  const catalogues = {
    sources: catalogue('sources', `${root}/sources.yaml`),
    places: catalogue('places', `${root}/places.yaml`),
    claimants: catalogue('claimants', `${root}/claimants.yaml`),
    facts: catalogue('facts', `${root}/facts/*.yaml`),
    disputes: catalogue('disputes', `${root}/disputes.yaml`),
  };

  // Sources: their own dates, their archived text and its non-article parts.
  const sourceById = new Map<string, Source>();
  const articles = new Map<string, ArticleText>();
  // An unreadable archive is reported as such, not again as missing at its source.
  const archiveNames = new Set([...archives.keys(), ...unreadable.map(([name]) => name).filter((name) => ARCHIVE_FILE.test(name))]);
  for (const source of groups.sources.valid) {
    append(issues, checkDates(source));
    append(issues, checkArchiveExists(source, archiveNames, root));
    // A duplicate id is reported above; the first source with an id is the one facts are checked against.
    if (!sourceById.has(source.value.id)) sourceById.set(source.value.id, source.value);
    const archive = archives.get(source.value.archive);
    if (archive === undefined || articles.has(source.value.id)) continue;
    const built = buildArticleText(source, archive, `${root}/${source.value.archive}`);
    append(issues, built.issues);
    articles.set(source.value.id, built.article);
  }

  append(issues, checkAliasCollisions(groups.places.valid));
  append(issues, checkAliasShapes(groups.places.valid));
  append(issues, checkWithin(groups.places.valid, catalogues.places));

  const internalIds = new InternalIds(
    (['sources', 'places', 'claimants', 'disputes', 'events', 'facts'] as const).flatMap((kind) => groups[kind].rawIds.map((raw) => raw.id)),
  );
  for (const place of groups.places.valid) append(issues, checkPlaceReaderText(place, internalIds));

  // Events are judged against facts and disputes that passed their own checks, so that one broken
  // date or claim is reported once, where it is, and not again at every event that uses it.
  const datedFacts = new Map<string, Fact>();
  for (const fact of groups.facts.valid) {
    const dateIssues = [...checkDates(fact), ...checkNotAfterPublication(fact, sourceById.get(fact.value.source))];
    append(issues, dateIssues);
    append(issues, checkAttackTarget(fact));
    append(issues, checkOrdinalsNotCounts(fact));
    append(issues, checkFactReferences(fact, catalogues));
    append(issues, checkQuote(fact, articles.get(fact.value.source)));
    append(issues, checkFactQuoteMarks(fact));
    append(issues, checkFactReaderText(fact, internalIds));
    if (dateIssues.length === 0) datedFacts.set(fact.value.id, fact.value);
  }

  const soundDisputes = new Map<string, Dispute>();
  for (const dispute of groups.disputes.valid) {
    const disputeIssues = [...checkDisputeClaims(dispute), ...checkDisputeReferences(dispute, catalogues)];
    append(issues, disputeIssues);
    append(issues, checkDisputeQuoteMarks(dispute));
    append(issues, checkDisputeReaderText(dispute, internalIds));
    if (disputeIssues.length === 0) soundDisputes.set(dispute.value.id, dispute.value);
  }

  const factById = new Map(groups.facts.valid.map((entry) => [entry.value.id, entry.value] as const));
  for (const event of groups.events.valid) {
    append(issues, checkDates(event));
    append(issues, checkEvent(event, { catalogues, factById, disputeById: soundDisputes }));
    append(issues, checkEventFitsReports(event, datedFacts));
    append(issues, checkCardText(event));
    append(issues, checkEventQuoteMarks(event));
    append(issues, checkEventReaderText(event, internalIds));
  }
  append(issues, checkPatrolMembership(groups.events.valid, groups.facts.valid));
  append(issues, checkPatrolCards(groups.events.valid));
  append(issues, checkUniqueNames(groups.events.valid));

  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };

  return {
    ok: true,
    base: assembleFactBase({
      version: knowledgeVersion(loaded),
      facts: groups.facts.valid.map((entry) => entry.value),
      sources: groups.sources.valid.map((entry) => entry.value),
      places: groups.places.valid.map((entry) => entry.value),
      claimants: groups.claimants.valid.map((entry) => entry.value),
      disputes: groups.disputes.valid.map((entry) => entry.value),
      events: groups.events.valid.map((entry) => entry.value),
      articleText: new Map([...articles].map(([id, article]) => [id, article.text])),
    }),
  };
}

/**
 * What is wrong with a file that is neither a knowledge file nor an archive, or null for one that is
 * no concern of the checker (a README at the top, a PDF in archive/). A YAML file at the top and
 * anything in facts/ was surely meant to be read, so it is a problem that fails the check, and
 * says how to make it read or where it belongs.
 */
function notKnowledge(name: string): string | null {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const yaml = /\.ya?ml$/i.test(base);
  const asYaml = base.replace(/\.ya?ml$/i, '.yaml');
  if (dir === '') {
    if (!yaml) return null;
    const known = TOP_LEVEL_FILES as readonly string[];
    const rename = known.includes(asYaml.toLowerCase()) ? ` (did you mean "${asYaml.toLowerCase()}"?)` : didYouMean(asYaml, known);
    return (
      `not a knowledge file, so it is not read: the files are ${TOP_LEVEL_FILES.join(', ')} and facts/*.yaml; ` +
      `rename it${rename}, or move it out of the knowledge directory`
    );
  }
  if (dir === 'facts/') {
    if (yaml) return `facts files end in ".yaml", so this one is not read: rename it to ${asYaml}`;
    return `not a facts file, so it is not read: facts/ holds only facts files ending in ".yaml"; move it out of facts/, or rename it if it holds facts`;
  }
  return null;
}

/**
 * A file that must list entries but lists none: empty, only comments or whitespace, or `[]`. Lines
 * ending in a bare CR (old Mac line endings) are not line breaks to YAML, so a file saved that way
 * reads as one long comment line: say so, as the file looks fine in most editors.
 */
function noEntries(path: string, label: string, text: string): KnowledgeIssue {
  const why = /\r(?!\n)/.test(text.trimEnd())
    ? 'its lines end in a bare carriage return (CR), which YAML does not read as a line break, so the whole file reads as one comment: save it with LF line endings'
    : label === 'facts'
      ? 'write its facts, each starting with "- ", or delete the file'
      : `there would be no ${label}: list them here, each starting with "- "`;
  return { path, line: 1, field: label, message: `has no entries: ${why}` };
}

function newGroup<T>(): Group<T> {
  return { valid: [], rawIds: [], complete: true };
}

/** Append without spreading: a spread of a very long list can overflow the call stack. */
function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadOnlyMap<string, T> {
  return new ReadOnlyMap(items.map((item) => [item.id, item] as const));
}

/** Validated records, ready to become a FactBase: its own fields, less the lookups derived from them. */
export type FactBaseRecords = Pick<FactBase, 'version' | 'facts' | 'sources' | 'places' | 'claimants' | 'disputes' | 'articleText'> &
  Partial<Pick<FactBase, 'events'>>;

/**
 * The FactBase of records that passed every check: frozen, with its lookup maps and each fact's
 * disputes. Exported for the benchmark, which assembles bases too large to write as files, so that
 * every base the code runs on has the shape the loader gives.
 */
export function assembleFactBase(records: FactBaseRecords): FactBase {
  const { facts, sources, places, claimants, disputes } = records;
  const events = records.events ?? [];
  deepFreeze([facts, sources, places, claimants, disputes, events]);
  const disputesByFact = idsPerFact(facts, disputes, (dispute) => dispute.claims);
  const eventsByFact = idsPerFact(facts, events, (event) => event.reports);
  return Object.freeze({
    version: records.version,
    facts,
    sources,
    places,
    claimants,
    disputes,
    events,
    factById: byId(facts),
    sourceById: byId(sources),
    placeById: byId(places),
    claimantById: byId(claimants),
    disputeById: byId(disputes),
    eventById: byId(events),
    disputesByFact,
    eventsByFact,
    articleText: new ReadOnlyMap(records.articleText),
  });
}

/** For each fact, the ids of the records (disputes, events) that list it, in the records' order. */
function idsPerFact<T extends { readonly id: string }>(
  facts: readonly Fact[],
  records: readonly T[],
  listed: (record: T) => readonly string[],
): ReadOnlyMap<string, readonly string[]> {
  const ids = new Map<string, string[]>(facts.map((fact) => [fact.id, []]));
  for (const record of records) {
    for (const factId of new Set(listed(record))) ids.get(factId)?.push(record.id);
  }
  return new ReadOnlyMap([...ids].map(([factId, list]) => [factId, Object.freeze(list) as readonly string[]] as const));
}
