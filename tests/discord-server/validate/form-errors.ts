import { RESTJSONErrorCodes } from 'discord.js';
import { DiscordHttpError } from '../lib/errors.ts';

// Discord reports payload problems as 400 / code 50035 "Invalid Form Body" with the problems nested by
// path: { data: { embeds: { 0: { title: { _errors: [{ code, message }] } } } } }. We collect a flat list
// (easy to assert on) and build the nested form for the response body.

export type FormPath = readonly (string | number)[];

export interface FormIssue {
  /** Dotted path such as `data.embeds.0.title`. */
  path: string;
  code: string;
  message: string;
}

export class FormErrors {
  readonly issues: FormIssue[] = [];

  add(path: FormPath, code: string, message: string): void {
    this.issues.push({ path: path.join('.'), code, message });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** A string no longer than `max` (and at least `min`) characters; absent/null is fine unless `required`. */
  text(path: FormPath, value: unknown, opts: { max: number; min?: number; required?: boolean }): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (typeof value !== 'string') {
      this.add(path, 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
      return;
    }
    const length = [...value].length;
    const min = opts.min ?? 0;
    // Discord words a bounded range as "between" (BAD_LENGTH) and an upper limit alone as MAX_LENGTH.
    if (min > 0 && (length < min || length > opts.max)) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${opts.max} in length.`);
    } else if (length > opts.max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${opts.max} or fewer in length.`);
    }
  }

  /** An array with at most `max` items; returns the items (or [] when absent or not an array). */
  list(path: FormPath, value: unknown, opts: { max: number; min?: number; required?: boolean }): unknown[] {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.add(path, 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
      return [];
    }
    if (opts.min !== undefined && value.length < opts.min) {
      this.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${opts.min} or more in length.`);
    }
    if (value.length > opts.max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${opts.max} or fewer in length.`);
    }
    return value;
  }

  integer(path: FormPath, value: unknown, opts: { min?: number; max?: number; required?: boolean } = {}): void {
    if (value === undefined || value === null) {
      if (opts.required) this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(path, 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
      return;
    }
    if (opts.min !== undefined && value < opts.min) {
      this.add(path, 'NUMBER_TYPE_MIN', `int value should be greater than or equal to ${opts.min}.`);
    }
    if (opts.max !== undefined && value > opts.max) {
      this.add(path, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${opts.max}.`);
    }
  }

  /** Throws the 50035 error if anything was collected. */
  throwIfAny(): void {
    if (!this.ok) throw invalidFormBody(this.issues);
  }
}

export function nestIssues(issues: readonly FormIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = root;
    for (const key of issue.path.split('.').filter((part) => part !== '')) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: issue.code, message: issue.message });
  }
  return root;
}

export class InvalidFormBodyError extends DiscordHttpError {
  constructor(readonly issues: readonly FormIssue[]) {
    super(400, { message: 'Invalid Form Body', code: RESTJSONErrorCodes.InvalidFormBodyOrContentType, errors: nestIssues(issues) });
  }
}

export function invalidFormBody(issues: readonly FormIssue[]): InvalidFormBodyError {
  return new InvalidFormBodyError(issues);
}
