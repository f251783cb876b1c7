/**
 * Every Discord limit and safety rule a Components V2 message must meet, checked in one place so
 * that the example tests, the property tests and the end-to-end tests hold payloads to exactly the
 * same standard.
 */
import { ComponentType, MessageFlags } from 'discord.js';
import { expect } from 'vitest';
import type { DiscordMessage } from '../../src/render/discord.ts';

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

interface Node {
  readonly type?: number;
  readonly content?: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly custom_id?: string;
  readonly options?: readonly { label: string; value: string; description?: string }[];
  readonly components?: readonly Node[];
  readonly accessory?: Node;
  readonly items?: readonly unknown[];
}

/** Every component of a message, nested ones included, depth first. */
export function allComponents(components: readonly unknown[] | undefined): Node[] {
  const out: Node[] = [];
  const walk = (list: readonly Node[] | undefined) => {
    for (const c of list ?? []) {
      out.push(c);
      if (c.accessory) walk([c.accessory]);
      walk(c.components);
    }
  };
  walk(components as readonly Node[] | undefined);
  return out;
}

/** The text a reader sees without pressing anything: text displays, button labels and the menu's placeholder. */
export function visibleText(payload: DiscordMessage): string {
  return allComponents(payload.components)
    .flatMap((c) => [c.type === ComponentType.TextDisplay ? (c.content ?? '') : '', c.label ?? '', c.placeholder ?? ''])
    .filter(Boolean)
    .join('\n');
}

export function visibleLength(payload: DiscordMessage): number {
  return [...visibleText(payload)].length;
}

/** The text displays' markdown, joined. */
export function cardText(payload: DiscordMessage): string {
  return allComponents(payload.components)
    .filter((c) => c.type === ComponentType.TextDisplay)
    .map((c) => c.content ?? '')
    .join('\n');
}

/** Every custom id of a message's buttons, and the targets its select menu offers. */
export function customIds(payload: DiscordMessage): string[] {
  return allComponents(payload.components).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
}

export function menuValues(payload: DiscordMessage): string[] {
  return allComponents(payload.components).flatMap((c) => (c.options ?? []).map((o) => o.value));
}

/** Problems with a payload, empty when it is within every limit and pings no one. */
export function payloadProblems(payload: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(JSON.stringify(payload.allowed_mentions) === JSON.stringify({ parse: [] }), 'allowed_mentions is not { parse: [] }');
  const v2 = ((payload.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (v2) {
    check(payload.content === undefined && payload.embeds === undefined, 'a V2 message has content or embeds');
    const all = allComponents(payload.components);
    check(all.length <= 40, `${all.length} components > 40`);
    const text = all.filter((c) => c.type === ComponentType.TextDisplay).reduce((n, c) => n + (c.content ?? '').length, 0);
    check(text <= 4000, `text displays hold ${text} characters > 4000`);
    check(all.filter((c) => c.type === ComponentType.TextDisplay).every((c) => (c.content ?? '').trim().length > 0), 'an empty text display');
    const ids = all.flatMap((c) => (c.custom_id ? [c.custom_id] : []));
    check(new Set(ids).size === ids.length, 'duplicate custom ids');
    for (const id of ids) check(id.length >= 1 && id.length <= 100, `custom id of ${id.length} characters`);
    for (const c of all) {
      if (c.type === ComponentType.ActionRow) {
        const kids = c.components ?? [];
        check(kids.length >= 1 && kids.length <= 5, `an action row of ${kids.length}`);
        check(kids.every((k) => k.type === ComponentType.Button) || kids.length === 1, 'a select shares its row');
      }
      if (c.type === ComponentType.MediaGallery) {
        // A gallery may only show a file the message uploads (or already has).
        const attached = new Set((payload.attachments ?? []).map((a) => a.filename));
        for (const item of (c.items ?? []) as { media?: { url?: string }; description?: string }[]) {
          const url = item.media?.url ?? '';
          check(!url.startsWith('attachment://') || attached.has(url.slice('attachment://'.length)), `the gallery shows ${url}, which the message does not attach`);
          check((item.description ?? '').length <= 1024, 'a gallery description over 1024 characters');
        }
      }
      if (c.type === ComponentType.Button) check((c.label ?? '').length <= 80, 'button label too long');
      if (c.type === ComponentType.StringSelect) {
        const options = c.options ?? [];
        check(options.length >= 1 && options.length <= 25, `${options.length} select options`);
        check((c.placeholder ?? '').length <= 150, 'placeholder too long');
        check(new Set(options.map((o) => o.value)).size === options.length, 'duplicate option values');
        for (const o of options) {
          check(o.label.length >= 1 && o.label.length <= 100, 'option label length');
          check(o.value.length >= 1 && o.value.length <= 100, 'option value length');
          check((o.description ?? '').length <= 100, 'option description length');
        }
      }
    }
  } else {
    check((payload.content ?? '').length <= 2000, 'content too long');
  }
  for (const s of allStrings(payload)) {
    check(!MENTION.test(s), `unescaped mention in ${JSON.stringify(s.slice(0, 80))}`);
    // A lone surrogate is not valid UTF-8 once sent: Discord rejects the body.
    check(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), 'lone surrogate');
  }
  return problems;
}

export function expectWithinLimits(payload: DiscordMessage): void {
  expect(payloadProblems(payload)).toEqual([]);
}
