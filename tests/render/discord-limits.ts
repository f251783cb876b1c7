/**
 * Every Discord limit and safety rule a message body must meet, checked in one place so that the
 * example tests and the property tests hold payloads to exactly the same standard.
 */
import { expect } from 'vitest';
import type { DiscordMessageBody } from '../../src/render/discord.ts';
import { embedCharacters } from '../../src/render/discord.ts';
import { DISCORD_LIMITS as L } from '../../src/render/limits.ts';

/** What Discord displays for escaped text: backslash escapes resolved, zero-width spaces invisible. */
export function displayed(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200b/g, '');
}

/** Every string anywhere in a JSON value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** Mentions Discord would render or ping: @everyone, @here, <@id>, <@!id>, <@&id>, <#id>. */
export const MENTION = /@everyone|@here|<@|<#/;

/** Problems with a payload, empty when it is within every limit and pings no one. */
export function payloadProblems(payload: DiscordMessageBody): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(JSON.stringify(payload.allowed_mentions) === JSON.stringify({ parse: [] }), 'allowed_mentions is not { parse: [] }');
  check((payload.content ?? '').length <= L.content, 'content too long');
  check(payload.embeds.length <= L.embedsPerMessage, 'too many embeds');
  check(embedCharacters(payload.embeds) <= L.embedTotal, `embeds total ${embedCharacters(payload.embeds)} > 6000`);
  for (const e of payload.embeds) {
    check((e.title ?? '').length <= L.title, 'title too long');
    check((e.description ?? '').length <= L.description, 'description too long');
    check((e.fields ?? []).length <= L.fields, 'too many fields');
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= L.fieldName, 'field name length');
      check(f.value.length > 0 && f.value.length <= L.fieldValue, 'field value length');
    }
    check((e.footer?.text ?? '').length <= L.footer, 'footer too long');
    check((e.author?.name ?? '').length <= L.authorName, 'author name too long');
    check(e.title === undefined || e.title.trim().length > 0, 'empty title');
    check(e.description === undefined || e.description.trim().length > 0, 'empty description');
  }
  for (const s of allStrings(payload)) {
    check(!MENTION.test(s), `unescaped mention in ${JSON.stringify(s.slice(0, 80))}`);
    // A lone surrogate is not valid UTF-8 once sent: Discord rejects the body.
    check(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), 'lone surrogate');
  }
  return problems;
}

export function expectWithinLimits(payload: DiscordMessageBody): void {
  expect(payloadProblems(payload)).toEqual([]);
}
