import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { decodePageId } from '../../src/interactions/paging.ts';
import { PRIVILEGED_INTENTS, type InteractionHandle } from '../discord-server/index.ts';
import { startHarness, type Harness } from './harness.ts';

// The real bot, through the real discord.js client, against the Discord-compatible test server.

let h: Harness;
let base: FactBase;

beforeAll(async () => {
  const loaded = await loadKnowledge();
  if (!loaded.ok) throw new Error('the real knowledge base must load');
  base = loaded.base;
  h = await startHarness();
  await h.deploy();
});

afterAll(async () => {
  await h?.close();
});

function embedsText(embeds: readonly APIEmbed[] | undefined): string {
  return (embeds ?? [])
    .map((e) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))
    .join('\n');
}

/** The first words of a quote: renderers may shorten a long quote, never its start. */
const quoteStart = (quote: string) => quote.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").split(/\s+/).slice(0, 5).join(' ');
const replyText = (r: InteractionHandle) => embedsText(r.initial?.data?.embeds as APIEmbed[] | undefined) + (r.initial?.data?.content ?? '');

describe('the bot in Discord', () => {
  it('logs in with only non-privileged intents', () => {
    const identify = h.server.identifies[0]!;
    expect(identify.intents & PRIVILEGED_INTENTS).toBe(0);
  });

  it('deploy registers every command by bulk overwrite; running it twice changes nothing', async () => {
    const first = h.server.commands.list(h.server.guild.id);
    await h.deploy();
    const second = h.server.commands.list(h.server.guild.id);
    expect(second.map((c) => c.name).sort()).toEqual(['Find patrol facts', 'attacks', 'help', 'patrol', 'reload', 'search', 'source', 'timeline', 'where']);
    expect(second).toEqual(first);
    const reload = second.find((c) => c.name === 'reload')!;
    expect(reload.default_member_permissions).toBe('0');
  });

  it('/patrol 22 answers with the 22nd patrol, cited, pinging no one', async () => {
    const r = await h.server.slashCommand('patrol', { number: 22 });
    expect(r.timedOut).toBe(false);
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.allowed_mentions).toMatchObject({ parse: [] });
    const text = replyText(r);
    const facts = base.facts.filter((f) => f.patrols.includes(22));
    expect(facts.length).toBeGreaterThan(0);
    expect(text).toContain(quoteStart(facts[0]!.quote));
    expect(text).toMatch(/22 July 2020/);
    expect(r.originalRecord?.pings).toEqual({ users: [], roles: [], everyone: false, repliedUser: null });
  });

  it('/where autocompletes any spelling and resolves it to the place', async () => {
    const ac = await h.server.autocomplete('where', { place: 'ain h' }, { focused: 'place' });
    expect(ac.initial?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = ac.initial?.data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('ain-hawr');

    const r = await h.server.slashCommand('where', { place: 'Ain Hour' });
    expect(replyText(r)).toContain('Ain Hawr');
    const there = base.facts.filter((f) => f.places.includes('ain-hawr'));
    expect(replyText(r)).toContain(quoteStart(there[0]!.quote));
  });

  it('/attacks lists the attacks on the patrols', async () => {
    const r = await h.server.slashCommand('attacks');
    const attacks = base.facts.filter((f) => f.kind === 'attack' && f.attack_target === 'joint-patrol');
    expect(attacks.length).toBeGreaterThan(0);
    const text = replyText(r);
    // Page 1 shows the earliest ones; at least one attack on a patrol is quoted there.
    expect(attacks.some((f) => text.includes(quoteStart(f.quote)))).toBe(true);
    expect(text).toMatch(/related/);
  });

  it('/search finds the human-shields claim', async () => {
    const r = await h.server.slashCommand('search', { query: 'human shields' });
    const fact = base.facts.find((f) => f.quote.includes('human shields'))!;
    expect(replyText(r)).toContain(quoteStart(fact.quote));
  });

  it('a long answer pages with buttons that only the asker can press', async () => {
    const first = await h.server.slashCommand('timeline');
    const row = first.initial?.data?.components?.[0] as { components: { custom_id: string; disabled?: boolean }[] } | undefined;
    expect(row).toBeDefined();
    const next = row!.components.find((b) => !b.disabled && decodePageId(b.custom_id)?.page === 1)!;
    expect(next).toBeDefined();

    const stranger = h.server.addUser('stranger');
    const refused = await h.server.buttonPress(next.custom_id, first.original!, { user: stranger });
    expect(refused.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.initial?.data?.flags).toBe(64);
    expect(refused.initial?.data?.content).toMatch(/only the person who asked/i);

    const page2 = await h.server.buttonPress(next.custom_id, first.original!);
    expect(page2.initial?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedsText(page2.initial?.data?.embeds as APIEmbed[])).toMatch(/Page 2 of \d+/);
    expect(embedsText(first.original!.embeds)).not.toEqual(embedsText(first.initial?.data?.embeds as APIEmbed[]));
  });

  it('"Find patrol facts" answers only the invoker with facts related to the message', async () => {
    const said = h.server.messageCreate('Was anyone hurt when the IED hit the joint patrol in July?');
    const r = await h.server.messageContextMenu('Find patrol facts', said.record);
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.flags).toBe(64);
    expect(replyText(r)).toMatch(/IED/);
  });

  it('replies with the best matches when @mentioned, without pinging anyone', async () => {
    const said = h.server.messageCreate(`${h.server.mention(h.server.bot)} @everyone what happened at Ternaba?`);
    const reply = await said.waitForReply();
    expect(embedsText(reply.message.embeds)).toMatch(/Ternaba|Tronba|Taranba/);
    expect(reply.pings.everyone).toBe(false);
    expect(reply.pings.users).toEqual([]);
  });

  it('resumes after the server closes the socket with 4000, then answers again', async () => {
    const identifies = h.server.identifies.length;
    await h.server.closeGateway(4000);
    await h.server.waitForResume(1, 10_000);
    expect(h.server.identifies.length).toBe(identifies);
    const r = await h.server.slashCommand('patrol', { number: 26 });
    expect(r.timedOut).toBe(false);
    expect(replyText(r)).toMatch(/26/);
  });

  it('survives the REST server answering 500 to a reply, and keeps answering', async () => {
    // @discordjs/rest retries 5xx up to 3 times; fail them all so the reply really fails.
    h.server.failNext(/\/interactions\/.*\/callback/, 500, 4);
    const failed = h.server.sendInteraction(h.server.build.slashCommand('help', {}));
    await failed.waitForAttempt(4, 10_000);
    const r = await h.server.slashCommand('help');
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(h.logs.some((l) => l.msg === 'could not send the answer')).toBe(true);
  });

  it('answers a burst of 200 interactions, every one within the deadline', async () => {
    const handles = Array.from({ length: 200 }, (_, i) =>
      h.server.sendInteraction(h.server.build.slashCommand(i % 2 ? 'patrol' : 'where', i % 2 ? { number: 22 } : { place: 'Taranba' })),
    );
    await Promise.all(handles.map((r) => r.waitForInitial().catch(() => undefined)));
    expect(handles.filter((r) => r.timedOut)).toEqual([]);
    expect(handles.every((r) => r.initial?.type === InteractionResponseType.ChannelMessageWithSource)).toBe(true);
  });

  it('a broken knowledge edit while running: keeps the last good base, logs path:line, /reload reports it', async () => {
    const file = join(h.knowledgeDir, 'facts', 'southfront-first-full-patrol.yaml');
    const good = await readFile(file, 'utf8');
    const version = h.store.base!.version;
    const failed = new Promise((resolve) => h.store.once('failed', resolve));
    await writeFile(file, good.replace('quote: On July 22,', 'quote: On July 23,'));
    await failed;
    expect(h.store.base!.version).toBe(version);
    const logged = h.logs.find((l) => l.msg && String(l.msg).startsWith('knowledge reload failed'));
    expect(String(logged?.msg)).toMatch(/facts\/southfront-first-full-patrol\.yaml:\d+: .*quote/);

    const still = await h.server.slashCommand('patrol', { number: 22 });
    expect(replyText(still)).toMatch(/22 July 2020/);

    const admin = await h.server.slashCommand('reload', {}, { user: h.server.owner });
    expect(admin.initial?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await admin.waitForEdit(1);
    expect(embedsText(edit.body.embeds as APIEmbed[])).toMatch(/southfront-first-full-patrol\.yaml:\d+/);
    expect(admin.originalRecord?.ephemeral).toBe(true);

    const reloaded = new Promise((resolve) => h.store.once('reloaded', resolve));
    await writeFile(file, good);
    await reloaded;
    expect(h.store.base!.version).toBe(version);
  });

  it('/reload from a member who is no administrator is refused, even if a server admin lets them see it', async () => {
    const reloads = h.logs.filter((l) => l.msg === 'knowledge loaded' || l.msg === 'knowledge unchanged').length;
    const r = await h.server.slashCommand('reload', {}, { user: h.server.tester, ignorePermissions: true });
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.flags).toBe(64);
    expect(r.initial?.data?.content).toMatch(/Only server administrators/);
    expect(h.logs.filter((l) => l.msg === 'knowledge loaded' || l.msg === 'knowledge unchanged')).toHaveLength(reloads);
  });

  it('keeps answering from the current base while a much larger one loads and indexes', async () => {
    const file = join(h.knowledgeDir, 'facts', 'southfront-first-full-patrol.yaml');
    const good = await readFile(file, 'utf8');
    const before = h.store.base!;
    // Thousands more facts, each a real one under a new id, so they pass every check (quotes included).
    const model = good.slice(good.indexOf('- id: sf-first-full-patrol-completed'), good.indexOf('- id: sf-first-full-patrol-set-off-tronba'));
    const bulk = Array.from({ length: 3000 }, (_, i) =>
      model
        // A fact naming a patrol must be in that patrol's event, or say why not.
        .replace('id: sf-first-full-patrol-completed', `id: sf-bulk-copy-${i}\n  no_event_reason: a copy made by this test`)
        .replace('statement: On 22 July', `statement: Bulkcopyword ${i}, on 22 July`),
    ).join('');
    await writeFile(file, `${good}\n${bulk}`);
    let reloadedAt = 0;
    const reloading = h.store.reload().then((outcome) => {
      reloadedAt = performance.now();
      return outcome;
    });
    const asked = await h.server.slashCommand('patrol', { number: 22 });
    const answeredAt = performance.now();
    expect(asked.timedOut).toBe(false);
    expect(replyText(asked)).toMatch(/22 July 2020/);
    expect(reloadedAt).toBe(0);
    const outcome = await reloading;
    expect(outcome).toMatchObject({ ok: true, changed: true, facts: before.facts.length + 3000 });
    expect(reloadedAt).toBeGreaterThan(answeredAt);
    expect(h.store.current!.searchFacts('bulkcopyword', { limit: 5 })).toHaveLength(5);

    // Put the file back and wait for the base it had, so that later tests see the real one.
    await writeFile(file, good);
    await h.store.reload();
    await vi.waitFor(() => expect(h.store.base!.version).toBe(before.version), { timeout: 10_000 });
  });
});
