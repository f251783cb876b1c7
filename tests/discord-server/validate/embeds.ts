import type { FormErrors, FormPath } from './form-errors.ts';
import { charLength, isObject } from '../lib/json-values.ts';

// Embed limits from https://discord.com/developers/docs/resources/message#embed-object-embed-limits.
export const EMBED_LIMITS = {
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of all titles, descriptions, field names/values, footer texts and author names in a message. */
  total: 6000,
} as const;

/** Validates `embeds`, collecting problems; returns nothing (errors carry the result). */
export function validateEmbeds(errors: FormErrors, path: FormPath, value: unknown): void {
  const embeds = errors.list(path, value, { max: EMBED_LIMITS.embeds });
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = [...path, i];
    if (!isObject(embed)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    errors.text([...at, 'title'], embed.title, { max: EMBED_LIMITS.title });
    errors.text([...at, 'description'], embed.description, { max: EMBED_LIMITS.description });
    errors.text([...at, 'url'], embed.url, { max: 2048 });
    errors.integer([...at, 'color'], embed.color, { min: 0, max: 0xffffff });
    if (embed.timestamp !== undefined && embed.timestamp !== null) {
      if (typeof embed.timestamp !== 'string' || Number.isNaN(Date.parse(embed.timestamp))) {
        errors.add([...at, 'timestamp'], 'DATE_TIME_TYPE_PARSE', 'Could not parse timestamp. Should be ISO8601.');
      }
    }
    total += charLength(embed.title) + charLength(embed.description);
    if (embed.footer !== undefined && embed.footer !== null) {
      const footer = isObject(embed.footer) ? embed.footer : {};
      errors.text([...at, 'footer', 'text'], footer.text, { max: EMBED_LIMITS.footerText, min: 1, required: true });
      total += charLength(footer.text);
    }
    if (embed.author !== undefined && embed.author !== null) {
      const author = isObject(embed.author) ? embed.author : {};
      errors.text([...at, 'author', 'name'], author.name, { max: EMBED_LIMITS.authorName, min: 1, required: true });
      total += charLength(author.name);
    }
    const fields = errors.list([...at, 'fields'], embed.fields, { max: EMBED_LIMITS.fields });
    fields.forEach((field, j) => {
      const fieldAt = [...at, 'fields', j];
      const f = isObject(field) ? field : {};
      // Discord rejects empty names/values as missing.
      errors.text([...fieldAt, 'name'], f.name === '' ? undefined : f.name, {
        max: EMBED_LIMITS.fieldName,
        required: true,
      });
      errors.text([...fieldAt, 'value'], f.value === '' ? undefined : f.value, {
        max: EMBED_LIMITS.fieldValue,
        required: true,
      });
      if (f.inline !== undefined && typeof f.inline !== 'boolean') {
        errors.add([...fieldAt, 'inline'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
      }
      total += charLength(f.name) + charLength(f.value);
    });
  });
  if (total > EMBED_LIMITS.total) {
    errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${EMBED_LIMITS.total}`);
  }
}
