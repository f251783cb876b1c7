/**
 * Schema validation of each entry in a knowledge file, with messages a maintainer can act on.
 *
 * Entries are validated one by one so that one broken entry neither hides the problems of the
 * others nor keeps the valid ones out of the cross-entry checks that follow.
 */
import { z } from 'zod';
import type { KnowledgeIssue } from '../domain/types.ts';
import type { RawId } from './ids.ts';
import { didYouMean } from './issues.ts';
import { issueAt, type YamlFile } from './yaml-file.ts';

/** A valid entry with where it came from, so later checks can point at its lines. */
export interface Located<T> {
  readonly value: T;
  readonly file: YamlFile;
  readonly index: number;
}

export interface ValidatedEntries<T> {
  readonly valid: Located<T>[];
  /** `id` of every entry that has a string id, valid or not: references to them are not "unknown". */
  readonly rawIds: RawId[];
  readonly issues: KnowledgeIssue[];
}

/** A zod object schema for one entry: its `shape` names the fields, for "did you mean" hints. */
export type EntrySchema<T> = z.ZodType<T> & { shape: Record<string, z.ZodType> };

export function validateEntries<T>(file: YamlFile, schema: EntrySchema<T>): ValidatedEntries<T> {
  const valid: Located<T>[] = [];
  const rawIds: RawId[] = [];
  const issues: KnowledgeIssue[] = [];
  (file.entries ?? []).forEach((raw, index) => {
    if (isRecord(raw) && typeof raw.id === 'string') rawIds.push({ id: raw.id, file, index });
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) {
      valid.push({ value: result.data, file, index });
      return;
    }
    for (const zodIssue of result.error.issues) issues.push(...toKnowledgeIssues(file, index, zodIssue, schema));
  });
  return { valid, rawIds, issues };
}

function toKnowledgeIssues(
  file: YamlFile,
  index: number,
  issue: z.core.$ZodIssue,
  schema: EntrySchema<unknown>,
): KnowledgeIssue[] {
  const path = [index, ...issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step))];
  if (issue.code === 'unrecognized_keys') {
    // Only entry-level fields can be unknown here (nested objects are non_article parts).
    const allowed = issue.path.length === 0 ? Object.keys(schema.shape) : [];
    return issue.keys.map((key) =>
      issueAt(
        file,
        [...path, key],
        `unknown field "${key}"${allowed.length > 0 ? didYouMean(key, allowed) || `; allowed: ${allowed.join(', ')}` : ''}`,
      ),
    );
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) {
    return [issueAt(file, path, `each entry must be a map of fields (id: …), not ${describeValue(issue.input)}`)];
  }
  return [issueAt(file, path, describeIssue(issue, schema))];
}

function describeIssue(issue: z.core.$ZodIssue, schema: EntrySchema<unknown>): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const field = issue.path.length === 1 ? schema.shape[String(issue.path[0])] : undefined;
        const hint = field?.description ? ` (${field.description})` : '';
        return `is required${hint}`;
      }
      if (issue.input === null) return `is empty: give ${article(issue.expected)}`;
      if (issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')) {
        // YAML reads a bare 2020 as a number and yes/true as a boolean.
        return `must be text, not the ${typeof issue.input} ${String(issue.input)}: put it in quotes ("${String(issue.input)}")`;
      }
      return `must be ${article(issue.expected)}, not ${describeValue(issue.input)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}; got ${describeValue(issue.input)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a map of fields';
    case 'string':
      return 'text';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
