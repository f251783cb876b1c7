/**
 * The preview page in a real browser (Debian's Chromium, driven by playwright-core): asking a
 * command, pressing a card's buttons and menus, the lists, autocomplete, a saved edit and a broken
 * file showing up live, and every control reachable from the keyboard. One browser for the file, a
 * page per test; every wait is for something to appear, never a fixed sleep.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { eventsOf } from '../../src/answers/events.ts';
import { answer, panel } from '../../src/answers/index.ts';
import { patrolOption } from '../../src/answers/patrol.ts';
import { cardReply, panelReply } from '../../src/interactions/answer-reply.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { HAVE_CHROMIUM, CHROMIUM_PATH, knowledgeCopy, launchChromium, startPreview, type Preview } from './harness.ts';

// In CI the browser is installed by .ci/run: a missing one there is a failure, not a skip.
if (!HAVE_CHROMIUM && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM_PATH}: .ci/run installs Debian's chromium`);
if (!HAVE_CHROMIUM) console.warn(`preview browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);

/** Long enough for a loaded 2-core machine; the page itself takes milliseconds. */
const WAIT = { timeout: 10_000 };

describe.skipIf(!HAVE_CHROMIUM)('the preview page in Chromium', () => {
  let browser: Browser;
  let preview: Preview;
  let copy: Awaited<ReturnType<typeof knowledgeCopy>>;
  let page: Page;
  let errors: string[] = [];
  /** Console errors a test causes on purpose. */
  let expectedErrors: RegExp[] = [];
  const index = (): KnowledgeIndex => preview.store.current!;
  /** The card these tests open most, as the answers layer makes it (its heading, its footnotes). */
  const patrol22 = () => answer(index(), { command: 'patrol', number: 22 });
  const panel22Title = () => panel(index(), { command: 'patrol', number: 22 }, 'quotes').title;

  beforeAll(async () => {
    copy = await knowledgeCopy();
    [preview, browser] = await Promise.all([startPreview(copy.dir), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await copy?.remove();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // A script error, a failed request or a Content-Security-Policy refusal fails the test that caused it.
    errors = [];
    expectedErrors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.goto(`${preview.url}/`);
    await page.getByText(/^ok: \d+ facts/).waitFor(WAIT);
  });

  afterEach(async () => {
    await page.close();
    expect(errors.filter((e) => !expectedErrors.some((expected) => expected.test(e)))).toEqual([]);
  });

  async function ask(command: string): Promise<void> {
    const box = page.getByRole('combobox');
    await box.fill(command);
    await box.press('Escape');
    await box.press('Enter');
  }

  it('asks /patrol 22 and shows the card, its footnotes, and the exact payload the bot sends', async () => {
    await ask('/patrol 22');
    const card = page.locator('.message').first();
    await card.getByRole('heading', { name: patrol22().title }).waitFor(WAIT);
    // Its sources once, in small print: [1] …, 22–24 Jul 2020 · [2] … (and what was inferred after them).
    const { footnotes } = patrol22();
    expect(footnotes.length).toBeGreaterThan(1);
    const sources = footnotes.map((f) => `[${f.n}] ${f.text}`).join(' · ');
    expect((await card.locator('.md-small').last().textContent())?.slice(0, sources.length)).toBe(sources);
    const payload = cardReply(index(), { command: 'patrol', number: 22 }, { ephemeral: false }).data;
    const buttons = JSON.stringify(payload).match(/"emoji":\{"name":"[^"]+"\},"custom_id":"[^"]+","style":2,"label":"[^"]+"/g)!;
    const labels = buttons.map((b) => JSON.parse(`{${b}}`) as { emoji: { name: string }; label: string }).map((b) => `${b.emoji.name}${b.label}`);
    expect(labels).toContain('📜Quotes & sources');
    expect(await card.getByRole('button').allTextContents()).toEqual(labels);

    // Drawn as Discord draws it: a dark container with the payload's accent colour down its left side.
    const accent = (payload.components![0] as { accent_color: number }).accent_color;
    const container = card.locator('.v2-container');
    const style = (property: 'borderLeftColor' | 'backgroundColor') => container.evaluate((el, p) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[p], property);
    expect(await style('borderLeftColor')).toBe(`rgb(${accent >> 16}, ${(accent >> 8) & 255}, ${accent & 255})`);
    expect(await style('backgroundColor')).toBe('rgb(43, 45, 49)');

    await page.getByLabel('Show the JSON payload beside each message').check();
    const json = card.getByLabel('JSON payload');
    await json.waitFor(WAIT);
    expect(JSON.parse((await json.textContent())!)).toEqual(payload);
  });

  it('opens the quotes & sources below the card, only for the presser, with the verbatim quotes', async () => {
    await ask('/patrol 22');
    await page.getByRole('button', { name: 'Quotes & sources' }).click();
    const panel = page.locator('.message').nth(1);
    await panel.getByText('Only you can see this').waitFor(WAIT);
    await panel.getByRole('heading', { name: panel22Title() }).waitFor(WAIT);
    const payload = JSON.stringify(panelReply(index(), { command: 'patrol', number: 22 }, 'quotes').data);
    const quoted = index().factsForPatrol(22).filter((f) => payload.includes(f.quote));
    expect(quoted.length).toBeGreaterThan(2);
    const shown = (await panel.locator('blockquote').allTextContents()).join('\n');
    for (const fact of quoted) expect(shown).toContain(`“${fact.quote.replace(/\s+/g, ' ').trim()}”`);

    // Dismissed as in Discord; the public card stays.
    await panel.getByRole('button', { name: 'Dismiss message' }).click();
    await expect.poll(() => page.locator('.message').count(), WAIT).toBe(1);
  });

  it('opens a patrol from the list, and another from the card\'s own menu', async () => {
    const patrols = eventsOf(index().base).patrols;
    const [first, last] = [patrols[0]!, patrols[patrols.length - 1]!];
    await page.locator('nav .list-entry', { hasText: `Patrol ${first} · ` }).click();
    await page.getByRole('heading', { name: new RegExp(`^Patrol ${first} · `) }).waitFor(WAIT);

    await ask('/patrol');
    await page.getByRole('button', { name: 'Open a patrol…' }).click();
    await page.locator('.v2-select-option', { hasText: `Patrol ${last} · ` }).click();
    const opened = page.locator('.message').nth(1);
    await opened.getByRole('heading', { name: new RegExp(`^Patrol ${last} · `) }).waitFor(WAIT);
    await opened.getByText('Only you can see this').waitFor(WAIT);
  });

  it('autocompletes as Discord does: command names, then the bot\'s own choices for an option', async () => {
    const box = page.getByRole('combobox');
    await box.fill('/wh');
    await page.getByRole('option', { name: /^\/where <place>/ }).waitFor(WAIT);
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => box.inputValue(), WAIT).toBe('/where ');
    await box.pressSequentially('ain ha');
    // Answers to earlier keys may show first: wait for the list whose first choice is the place.
    await expect.poll(() => page.getByRole('option').first().textContent(), WAIT).toMatch(/^Ain Hawr/);
    await box.press('ArrowDown');
    await box.press('Tab');
    await expect.poll(() => box.inputValue(), WAIT).toBe('/where ain-hawr');
    await box.press('Escape');
    await box.press('Enter');
    await page.getByRole('heading', { name: /^📍 Ain Hawr$/ }).waitFor(WAIT);
  });

  it('shows a card\'s picture, drawn by the bot\'s own pictureFor, or its description when there is none', async () => {
    const file = cardReply(index(), { command: 'timeline' }, { ephemeral: false }).files?.[0];
    if (!file) throw new Error('the /timeline card of the project knowledge has a picture');
    await ask('/timeline');
    const img = page.locator('.message').first().locator('.v2-gallery img');
    await img.waitFor(WAIT);
    expect(await img.getAttribute('alt')).toBe(file.description);
    expect(await img.getAttribute('src')).toBe(`/attachments/${file.name}?card=o%3Atimeline%3A`);
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth), WAIT).toBeGreaterThan(100);

    // A gallery whose picture the server does not have (the page's own renderer, on such a payload):
    // its description stands in, as alt text would, and the browser logs the 404.
    expectedErrors = [/the server responded with a status of 404/];
    const missing = {
      message: { flags: 1 << 15, components: [{ type: 17, components: [{ type: 12, items: [{ media: { url: 'attachment://other.png' }, description: 'A picture the card does not have' }] }] }] },
      markdown: {},
      card: 'o:timeline:',
    };
    await page.evaluate(`import('/discord.js').then(({ messageBody }) => document.querySelector('#conversation').append(messageBody(${JSON.stringify(missing)}, { onPress() {} })))`);
    await page.locator('.media-missing', { hasText: '🖼️ A picture the card does not have' }).waitFor(WAIT);
  });

  it('says what is wrong with a command, with its usage line', async () => {
    await ask('/where');
    const error = page.getByRole('alert');
    await error.waitFor(WAIT);
    expect(await error.textContent()).toBe('/where needs place.  ·  usage: /where <place>');
  });

  it('follows a saved edit without a reload, escapes what it shows, and lists the card as changed', async () => {
    await ask('/patrol 22');
    const card = page.locator('.message').first();
    await card.getByRole('heading', { name: patrol22().title }).waitFor(WAIT);
    // Page scripts are given as text: this project's TypeScript has no DOM types.
    await page.evaluate('window.notReloaded = true');

    const file = join(copy.dir, 'events.yaml');
    const before = await readFile(file, 'utf8');
    const version = index().base.version;
    const summary = eventsOf(index().base).byPatrol.get(22)![0]!.summary.text;
    const edited = `${summary.replace(/\.$/, '')} **with** <img src=x> markup.`;
    expect(before.split(summary).length).toBe(2);
    await writeFile(file, before.replace(summary, edited));
    try {
      await card.getByText('**with** <img src=x> markup').waitFor(WAIT);
      expect(await card.locator('img').count()).toBe(0);
      expect(await card.locator('strong', { hasText: 'with' }).count()).toBe(0);
      expect(await page.evaluate('window.notReloaded')).toBe(true);
      const changes = page.getByRole('complementary', { name: 'Changed since the last good version' });
      await changes.getByRole('button', { name: patrolOption(eventsOf(index().base), 22).label }).waitFor(WAIT);
    } finally {
      await writeFile(file, before);
      // The next test starts from the files as they were.
      await expect.poll(() => preview.store.current?.base.version, WAIT).toBe(version);
    }
  });

  it('shows path:line for a broken file and keeps the last good card', async () => {
    await ask('/patrol 22');
    const card = page.locator('.message').first();
    await card.getByRole('heading', { name: patrol22().title }).waitFor(WAIT);
    const version = index().base.version;
    const good = version.slice(0, 12);

    const file = join(copy.dir, 'places.yaml');
    const before = await readFile(file, 'utf8');
    await writeFile(file, `${before}\n- id: [unclosed\n`);
    try {
      const problem = page.locator('#health .problem').first();
      await problem.waitFor(WAIT);
      // The copy is outside the working directory, so the page names it in full, as the log does.
      const text = await problem.textContent();
      expect(text).toMatch(/^\S+:\d+: \S+: /);
      expect(text?.startsWith(`${file}:`)).toBe(true);
      expect(await page.locator('#health .problem-path').allTextContents()).toEqual([file]);
      const serving = page.getByRole('status');
      expect(await serving.textContent()).toMatch(new RegExp(`showing the last good version ${good}, loaded `));
      expect(await card.getByRole('heading', { name: patrol22().title }).count()).toBe(1);
    } finally {
      await writeFile(file, before);
    }
    await page.getByText(/^ok: \d+ facts/).waitFor(WAIT);
    expect(await page.locator('#health .problem').count()).toBe(0);
    expect(preview.store.current?.base.version).toBe(version);
  });

  it('reaches every control from the keyboard, and works them from it', async () => {
    await ask('/patrol');
    await page.getByRole('button', { name: 'Open a patrol…' }).waitFor(WAIT);
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    // Tab through the whole page once: every control there is must take the focus on the way.
    const controls = await page.locator('button:visible, input:visible, summary:visible, a[href]:visible, select:visible').evaluateAll((els) =>
      els.map((e, i) => {
        e.setAttribute('data-control', String(i));
        return String(i);
      }),
    );
    // The lists, the command box, the JSON toggle, the card's buttons and its menu at least.
    expect(controls.length).toBeGreaterThan(20);
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 5; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate<string | null>('document.activeElement?.getAttribute("data-control") ?? null');
      if (at !== null) reached.add(at);
    }
    expect(controls.filter((c) => !reached.has(c))).toEqual([]);

    // And use them: ask, open the quotes, pick from a menu, without a mouse.
    await page.getByRole('combobox').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('/patrol 22');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    const quotes = page.getByRole('button', { name: 'Quotes & sources' });
    await quotes.waitFor(WAIT);
    await quotes.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.message').nth(1);
    await panel.getByText('Only you can see this').waitFor(WAIT);
    // The panel took the focus: its own menu is a Tab away.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.classList.contains("v2-select-toggle")')).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate<string>('document.activeElement.dataset.value');
    await page.keyboard.press('Enter');
    // A choice on a message only the presser sees replaces it, as the bot edits it in place.
    expect(second).toMatch(/^source:id=/);
    await panel.getByRole('heading', { name: /quotes & sources$/ }).waitFor({ ...WAIT, state: 'detached' });
    await panel.getByText('Only you can see this').waitFor(WAIT);
    expect(await page.locator('.message').count()).toBe(2);
  });
});
