/**
 * JSON Schemas for the knowledge files, generated from the zod schemas so the editor, the checker
 * and the types agree. They describe the input side: fields with defaults are optional, as they
 * are when typing a file.
 */
import { z } from 'zod';
import { ClaimantsFile, DisputesFile, EventsFile, FactsFile, PlacesFile, SourcesFile } from './schema.ts';

/**
 * Rules that span fields, which zod checks in code (dates.ts, fact-rules.ts) and JSON Schema can
 * express with if/then: added so the editor flags them while typing, not only the checker.
 */
const DATED_RULES = [
  {
    if: { properties: { date_precision: { enum: ['week', 'approximate'] } }, required: ['date_precision'] },
    then: { required: ['date_earliest', 'date_latest'] },
  },
  {
    if: { properties: { date_basis: { const: 'inferred' } }, required: ['date_basis'] },
    then: { required: ['date_reasoning'] },
  },
];
const ATTACK_RULE = {
  if: { properties: { kind: { const: 'attack' } }, required: ['kind'] },
  then: { required: ['attack_target'] },
  else: { not: { required: ['attack_target'] } },
};
const EVENT_ATTACK_RULE = {
  if: { properties: { kind: { const: 'attack' } }, required: ['kind'] },
  then: { required: ['target'] },
  else: { not: { required: ['target'] } },
};
/** An event's inferred date and its grouping of reports by inference each carry a note for the card. */
const EVENT_NOTE_RULES = [
  {
    if: { properties: { date_basis: { const: 'inferred' } }, required: ['date_basis'] },
    then: { required: ['date_note'] },
  },
  { if: { required: ['identification'] }, then: { required: ['identification_note'] } },
];
const EXTRA_RULES: Record<string, readonly object[]> = {
  sources: DATED_RULES,
  facts: [...DATED_RULES, ATTACK_RULE],
  events: [...DATED_RULES, EVENT_ATTACK_RULE, ...EVENT_NOTE_RULES],
};

/** One schema per file kind: `name` gives knowledge/schema/<name>.schema.json. */
export const FILE_SCHEMAS = [
  { name: 'sources', schema: SourcesFile, title: 'Sources (knowledge/sources.yaml)' },
  { name: 'places', schema: PlacesFile, title: 'Places (knowledge/places.yaml)' },
  { name: 'claimants', schema: ClaimantsFile, title: 'Claimants (knowledge/claimants.yaml)' },
  { name: 'facts', schema: FactsFile, title: 'Facts (knowledge/facts/*.yaml)' },
  { name: 'disputes', schema: DisputesFile, title: 'Disputes (knowledge/disputes.yaml)' },
  { name: 'events', schema: EventsFile, title: 'Events (knowledge/events.yaml)' },
] as const;

/**
 * The text of each JSON Schema file, keyed by file name. Draft-07, because that is the draft the
 * VS Code YAML extension (yaml-language-server) validates with.
 */
export function renderJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, schema, title } of FILE_SCHEMAS) {
    const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' });
    const { $schema, ...rest } = json as Record<string, unknown>;
    const rules = EXTRA_RULES[name];
    if (rules) rest.items = { ...(rest.items as object), allOf: rules };
    const document = {
      $schema,
      title,
      description: 'Generated from src/knowledge/schema.ts by `npm run knowledge:schema`; do not edit by hand.',
      ...rest,
    };
    out.set(`${name}.schema.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  return out;
}
