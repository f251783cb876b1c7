/** /source <id>: one source, its full citation, and what the fact base takes from it. */
import type { FactBase, Source } from '../domain/types.ts';
import { closest } from '../knowledge/issues.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Answer, Block, MenuOption } from './answer.ts';
import { noticeAnswer, user } from './answer.ts';
import { Citations } from './citations.ts';
import { dateText } from './dates.ts';
import { cited, panelActions } from './event-card.ts';
import { briefOf, eventLabel, eventsOf, type EventView } from './events.ts';
import { fitList, LONG_LIST_BUDGET, MENU_MAX, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { listText, plural } from './words.ts';

const KIND_TEXT: Record<Source['kind'], string> = {
  'news-article': 'A news article',
  'press-release': 'A press release',
  analysis: 'An analysis',
};

const NON_ARTICLE_TEXT: Record<Source['non_article'][number]['kind'], string> = {
  'reader-comments': 'reader comments',
  'donation-widget': 'a donation widget',
  'paywall-prompt': 'a paywall prompt',
  'site-banner': 'a site banner',
  'photo-caption': 'a photo caption',
  navigation: 'site navigation',
  'author-bio': "the author's biography",
  promotion: 'a promotion',
  'duplicate-headline': 'a repeated headline',
};

const MAX_ID_ECHO = 100;

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** The source's full citation, one labelled line per part. */
function details(source: Source): Block[] {
  const blocks: Block[] = [
    { kind: 'line', label: 'Publisher', text: [source.publisher ?? 'not named in the text'] },
    ...(source.author ? [{ kind: 'line', label: 'Author', text: [source.author] } as const] : []),
    { kind: 'line', label: 'Published', text: [dateText(source) + (source.date_basis === 'inferred' ? ' (inferred: the text carries no date)' : '')] },
    { kind: 'line', label: 'Language', text: [languageName(source.language)] },
    { kind: 'line', label: 'What it is', text: [KIND_TEXT[source.kind] + (source.summary ? `: ${source.summary}` : '.')] },
  ];
  if (source.url) blocks.push({ kind: 'line', label: 'Address', text: [source.url] });
  if (source.non_article.length > 0) {
    const parts = [...new Set(source.non_article.map((part) => NON_ARTICLE_TEXT[part.kind]))];
    blocks.push({ kind: 'small', text: [`Not quoted, as not part of the article: ${listText(parts)} on the page.`] });
  }
  return blocks;
}

/** The events this source's facts report, in date order. */
function eventsFrom(base: FactBase, factIds: readonly string[]): EventView[] {
  const catalogue = eventsOf(base);
  const ids = new Set(factIds.flatMap((id) => (catalogue.byFact.get(id) ?? []).map((v) => v.id)));
  return catalogue.all.filter((v) => ids.has(v.id));
}

/** The sources whose short name is `typed` ("SOFREP", "SouthFront"). */
function byShortName(base: FactBase, typed: string): Source[] {
  const key = nameKey(typed);
  return key === '' ? [] : base.sources.filter((s) => nameKey(s.short_name) === key);
}

/**
 * The source whose title is `typed` (case, quote marks and punctuation aside), else the one whose
 * title begins with it, else the one whose title it misspells: among the names index's suggestions.
 * Undefined when no title, or more than one, reads so.
 */
function byTitle(index: KnowledgeIndex, typed: string): Source | undefined {
  const key = nameKey(typed);
  if (key === '') return undefined;
  const suggested = index.suggestSources(typed, MENU_MAX).flatMap((s) => index.base.sourceById.get(s.value) ?? []);
  const only = (sources: readonly Source[]) => (sources.length === 1 ? sources[0] : undefined);
  const titled = (test: (title: string) => boolean) => suggested.filter((s) => test(nameKey(s.title)));
  const near = closest(key, suggested.map((s) => nameKey(s.title)));
  return only(titled((title) => title === key)) ?? only(titled((title) => `${title} `.startsWith(`${key} `))) ?? (near === undefined ? undefined : only(titled((title) => title === near)));
}

function sourceTarget(id: string): Target {
  return { command: 'source', id };
}

/** One source as a menu offers it: its outlet and title (the renderer fits it to Discord's 100 characters, at a word). */
export function sourceOption(s: Source): MenuOption {
  return { label: s.short_name, description: s.title, emoji: '📰', target: sourceTarget(s.id) };
}

function sourceMenu(sources: readonly Source[]): { placeholder: string; options: MenuOption[] } {
  return { placeholder: 'Which source?', options: sources.slice(0, MENU_MAX).map(sourceOption) };
}

export function answerSource(index: KnowledgeIndex, input: string): Answer {
  const base = index.base;
  const id = input.trim();
  const target = sourceTarget(id);
  const named = byShortName(base, id);
  const source =
    base.sourceById.get(id) ?? base.sourceById.get(id.toLowerCase()) ?? (named.length === 1 ? named[0] : named.length === 0 ? byTitle(index, id) : undefined);
  if (!source && named.length > 1) {
    return noticeAnswer(target, 'not-found', 'Which source?', [`${named.length} sources are from “`, user(id, MAX_ID_ECHO), '”: pick one.'], [], { menu: sourceMenu(named) });
  }
  if (!source) {
    const suggestions = id === '' ? [] : index.suggestSources(id.slice(0, MAX_ID_ECHO), MENU_MAX).flatMap((s) => base.sourceById.get(s.value) ?? []);
    const listed = suggestions.length > 0 ? suggestions : base.sources;
    return noticeAnswer(
      target,
      id === '' ? 'invalid-input' : 'not-found',
      'Which source?',
      id === '' ? ['Name a source: pick one below, or type part of its title for suggestions.'] : ['No source matches “', user(id, MAX_ID_ECHO), '”.'],
      [suggestions.length > 0 ? 'Did you mean one of these?' : `The fact base has ${plural(base.sources.length, 'source')}.`],
      listed.length > 0 ? { menu: sourceMenu(listed) } : {},
    );
  }
  const citations = new Citations(base);
  citations.number(source);
  const facts = index.factsFromSource(source.id);
  const factIds = facts.map((f) => f.id);
  const events = eventsFrom(base, factIds);
  const blocks: Block[] = [...details(source), { kind: 'break' }];
  blocks.push({ kind: 'para', text: [`${plural(facts.length, 'fact')} in the fact base come from it${events.length > 0 ? `, about ${plural(events.length, 'event')}:` : '.'}`] });
  const entries = events.map((view): Entry => (c) => ({
    kind: 'item',
    text: [{ strong: `${dateText(view.dated, { months: 'short' })} · ${eventLabel(view)}` }, ' — ', ...cited(view.brief.text, view.brief.cites, c)],
  }));
  const { shown, left } = fitList(base, entries, LONG_LIST_BUDGET - 500, citations);
  blocks.push(...shown);
  if (left > 0) blocks.push({ kind: 'small', text: [`${left} more: open them from the menu`] });
  const evidence = { facts: factIds, readings: [source.date_reasoning, source.publisher_note].flatMap((t) => (t ? [t.trim()] : [])) };
  return {
    target: sourceTarget(source.id),
    kind: 'ok',
    title: source.title,
    blocks,
    footnotes: citations.footnotes(),
    notes: [],
    actions: panelActions(base, evidence),
    menu: {
      placeholder: 'Open a fact…',
      options: facts.slice(0, MENU_MAX).map((fact) => ({
        label: briefOf(fact.statement, 100),
        description: dateText(fact, { months: 'short' }),
        target: { command: 'fact', id: fact.id },
      })),
    },
    evidence,
  };
}
