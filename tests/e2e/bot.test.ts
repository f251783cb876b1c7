import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApplicationIntegrationType, ComponentType, InteractionContextType, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import type { FactBase } from '../../src/domain/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { DiscordMessage } from '../../src/render/discord.ts';
import { dateText } from '../../src/answers/dates.ts';
import { answer } from '../../src/answers/index.ts';
import { pictureFor } from '../../src/render/picture.ts';
import { allComponents, cardText, customIds, displayed, menuValues } from '../render/discord-limits.ts';
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

/** What a reply says: a card's text displays, or a notice's content, as the reader sees it. */
const replyText = (r: InteractionHandle) => displayed(`${r.initial?.data?.content ?? ''}\n${cardText((r.initial?.data ?? {}) as DiscordMessage)}`);
/** The URLs a message's media galleries show. */
const galleryUrls = (message: DiscordMessage) =>
  allComponents(message.components).flatMap((c) => (c.type === ComponentType.MediaGallery ? ((c.items ?? []) as { media: { url: string } }[]).map((i) => i.media.url) : []));
const patrolEvent = (n: number) => base.events.find((e) => e.patrol?.number === n && e.kind === 'patrol') ?? base.events.find((e) => e.patrol?.number === n)!;
/** The heading of a patrol's card, with its date as the knowledge files give it. */
const patrolHeading = (n: number) => `## Patrol ${n} · ${dateText(patrolEvent(n))}`;

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

  it('deployed globally, the answers are offered to user installs in every context, /reload only to servers', async () => {
    await h.deploy({ global: true });
    const global = h.server.commands.list();
    for (const command of global) {
      if (command.name === 'reload') {
        expect(command.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
        expect(command.contexts).toEqual([InteractionContextType.Guild]);
      } else {
        expect(command.integration_types).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
        expect(command.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
      }
    }
  });

  it('/patrol 22 answers with one Components V2 card that opens with the patrol, cited, pinging no one', async () => {
    const r = await h.server.slashCommand('patrol', { number: 22 });
    expect(r.timedOut).toBe(false);
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.flags).toBe(MessageFlags.IsComponentsV2);
    expect(r.initial?.data?.allowed_mentions).toMatchObject({ parse: [] });
    const text = replyText(r);
    expect(text.trimStart().startsWith(`${patrolHeading(22)}\n`)).toBe(true);
    expect(text).toContain(patrolEvent(22).summary.text);
    expect(text).toMatch(/\n-# \[1\] /);
    expect(r.originalRecord?.pings).toEqual({ users: [], roles: [], everyone: false, repliedUser: null });
  });

  it('a second member presses “Quotes & sources” and alone gets the verbatim quotes', async () => {
    const card = await h.server.slashCommand('patrol', { number: 22 });
    const quotes = customIds(card.initial!.data as DiscordMessage).find((id) => id.startsWith('q:'))!;
    const member = h.server.addUser('reader');
    const panel = await h.server.buttonPress(quotes, card.original!, { user: member });
    expect(panel.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(panel.initial?.data?.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(panel.originalRecord?.ephemeral).toBe(true);
    const text = replyText(panel);
    for (const id of patrolEvent(22).reports) expect(text).toContain(base.factById.get(id)!.quote.replace(/\s+/g, ' ').trim());
    // The public card is as it was: nothing the second member did changed it.
    expect(card.original!.components).toEqual(card.initial!.data!.components);
  });

  it('a select menu opens the patrol picked, and a patrol-to-patrol button browses within a hidden card', async () => {
    const list = await h.server.slashCommand('patrol', {});
    const [value] = menuValues(list.initial!.data as DiscordMessage);
    const opened = await h.server.selectMenu('o:menu', [value!], list.original!);
    expect(opened.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(replyText(opened)).toMatch(/## Patrol \d+ · /);

    const hidden = await h.server.slashCommand('patrol', { number: 22, hide: true });
    expect(hidden.originalRecord?.ephemeral).toBe(true);
    const next = customIds(hidden.initial!.data as DiscordMessage).find((id) => id.startsWith('o:patrol:'))!;
    const browsed = await h.server.buttonPress(next, hidden.original!);
    expect(browsed.initial?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(browsed.initial?.data?.flags).toBe(MessageFlags.IsComponentsV2);
    expect(displayed(cardText(hidden.original! as unknown as DiscordMessage))).toMatch(/## Patrol \d+ · /);
    expect(hidden.original!.components).not.toEqual(hidden.initial!.data!.components);
  });

  it('a member who installed the bot to their account asks in a DM and gets the same card', async () => {
    await h.deploy({ global: true });
    const inServer = await h.server.slashCommand('patrol', { number: 22 });
    const inDm = await h.server.slashCommand('patrol', { number: 22 }, { userInstall: true });
    expect(inDm.timedOut).toBe(false);
    expect(inDm.initial?.data?.components).toEqual(inServer.initial?.data?.components);
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
    expect(replyText(r)).toContain(there[0]!.statement);
  });

  it('/attacks lists each attack once, with its brief', async () => {
    const r = await h.server.slashCommand('attacks');
    const text = replyText(r);
    for (const e of base.events.filter((x) => x.kind === 'attack' && x.target === 'joint-patrol')) expect(text).toContain(e.brief.text);
    expect(text).toMatch(/Related, not on a patrol/);
  });

  it('/timeline uploads its picture with the reply, and the card shows it from attachment://', async () => {
    const r = await h.server.slashCommand('timeline');
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const index = h.store.current!;
    const picture = pictureFor(index, answer(index, { command: 'timeline' }))!;
    const request = h.server.requestsTo('POST /interactions/:id/:token/callback').find((q) => q.params.id === r.id)!;
    expect(request.files).toEqual([{ field: 'files[0]', name: picture.name, size: picture.png().length, contentType: 'image/png' }]);
    expect(galleryUrls(r.initial!.data as DiscordMessage)).toEqual([`attachment://${picture.name}`]);
    // discord.js lists the upload by its index, with the picture's alt text.
    expect((request.body as { data: { attachments: unknown } }).data.attachments).toEqual([{ id: '0', description: picture.description }]);
    expect(r.original!.attachments).toEqual([expect.objectContaining({ filename: picture.name, size: picture.png().length })]);
  });

  it('browsing a hidden timeline by month replaces its picture with the month’s', async () => {
    const hidden = await h.server.slashCommand('timeline', { hide: true });
    const before = hidden.original!.attachments.map((a) => a.filename);
    expect(before).toHaveLength(1);
    const month = menuValues(hidden.initial!.data as DiscordMessage).at(-1)!;
    const browsed = await h.server.selectMenu('o:menu', [month], hidden.original!);
    expect(browsed.initial?.type).toBe(InteractionResponseType.UpdateMessage);
    const after = hidden.original!.attachments.map((a) => a.filename);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(galleryUrls(hidden.original! as unknown as DiscordMessage)).toEqual([`attachment://${after[0]}`]);
  });

  it('/search finds the human-shields claim', async () => {
    const r = await h.server.slashCommand('search', { query: 'human shields' });
    const fact = base.facts.find((f) => f.quote.includes('human shields'))!;
    expect(replyText(r).replace(/\*\*/g, '')).toContain(fact.statement);
  });

  it('"Find patrol facts" recognises the patrol a message names and answers only the invoker', async () => {
    const said = h.server.messageCreate('Was anyone hurt when the 26th patrol was attacked?');
    const r = await h.server.messageContextMenu('Find patrol facts', said.record);
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(replyText(r)).toMatch(/## Patrol 26 · /);
  });

  it('replies with the place card when @mentioned with a place, without pinging anyone', async () => {
    const said = h.server.messageCreate(`${h.server.mention(h.server.bot)} @everyone what happened at Ternaba?`);
    const reply = await said.waitForReply();
    expect(displayed(cardText(reply.message as unknown as DiscordMessage))).toMatch(/## 📍 Tronba/);
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
    expect(replyText(r)).toMatch(/Patrol 26/);
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
    expect(replyText(still)).toContain(patrolHeading(22));

    const admin = await h.server.slashCommand('reload', {}, { user: h.server.owner });
    expect(admin.initial?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await admin.waitForEdit(1);
    expect(String(edit.body.content)).toMatch(/southfront-first-full-patrol\.yaml:\d+/);
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
    // Thousands more facts, each a real one (one that names no patrol, so it needs no event) under a
    // new id, so they pass every check, quotes included.
    const model = (parse(good) as Record<string, unknown>[]).find((f) => !(f.patrols as unknown[] | undefined)?.length && f.kind === 'context')!;
    const copies = Array.from({ length: 3000 }, (_, i) => ({ ...model, id: `sf-bulk-copy-${i}`, statement: `Bulkcopyword ${i}. ${String(model.statement)}` }));
    const bulk = stringify(copies, { aliasDuplicateObjects: false });
    await writeFile(file, `${good}\n${bulk}`);
    let reloadedAt = 0;
    const reloading = h.store.reload().then((outcome) => {
      reloadedAt = performance.now();
      return outcome;
    });
    const asked = await h.server.slashCommand('patrol', { number: 22 });
    const answeredAt = performance.now();
    expect(asked.timedOut).toBe(false);
    expect(replyText(asked)).toContain(patrolHeading(22));
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
