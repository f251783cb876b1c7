/** /source <id>: one source's details and the facts taken from it. */
import type { Source } from '../domain/types.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, AnswerItem, Phrase } from './answer.ts';
import { user } from './answer.ts';
import { capList, factItems, plural, supportFor } from './cite.ts';
import { formatDated } from './dates.ts';

const KIND_TEXT: Record<Source['kind'], string> = {
  'news-article': 'a news article',
  'press-release': 'a press release',
  analysis: 'an analysis',
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

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function details(source: Source): AnswerItem[] {
  const date = formatDated(source);
  const items: AnswerItem[] = [
    { kind: 'detail', label: 'Title', value: [source.title] },
    { kind: 'detail', label: 'Publisher', value: [source.publisher ?? 'not named in the text'], ...(source.publisher_note ? { note: source.publisher_note } : {}) },
    { kind: 'detail', label: 'Author', value: [source.author ?? 'not named in the text'] },
    { kind: 'detail', label: 'Published', value: [date.text], ...(date.reasoning ? { note: date.reasoning } : {}) },
    { kind: 'detail', label: 'Language', value: [languageName(source.language)] },
    { kind: 'detail', label: 'What it is', value: [KIND_TEXT[source.kind] + (source.summary ? `: ${source.summary}` : '')] },
  ];
  if (source.url) items.push({ kind: 'detail', label: 'Address', value: [source.url] });
  items.push({ kind: 'detail', label: 'Archived text', value: [`knowledge/${source.archive}`] });
  if (source.non_article.length > 0) {
    items.push({
      kind: 'detail',
      label: 'Not part of the article',
      value: [
        source.non_article
          .map((part) => `${part.lines.includes('-') ? 'lines' : 'line'} ${part.lines.replace('-', '–')}: ${NON_ARTICLE_TEXT[part.kind]}${part.note ? ` (${part.note})` : ''}`)
          .join('; '),
      ],
      note: 'Names and dates in these parts are not facts and are never quoted.',
    });
  }
  return items;
}

const MAX_ID_ECHO = 100;

export function answerSource(index: KnowledgeIndex, input: string): Answer {
  const base = index.base;
  const id = input.trim();
  const source = base.sourceById.get(id) ?? base.sourceById.get(id.toLowerCase());
  if (!source) {
    const suggestions = id === '' ? [] : index.suggestSources(id.slice(0, MAX_ID_ECHO), 5);
    const notice: Phrase = id === '' ? ['Give a source id.'] : ['No source has the id “', user(id, MAX_ID_ECHO), '”.'];
    // Without suggestions, the sources there are: capped like any list, since a large base has thousands.
    const all = capList(base.sources, 'type part of an id or a title for suggestions');
    const listed = suggestions.length > 0 ? suggestions.flatMap((s) => base.sourceById.get(s.value) ?? []) : all.shown;
    return {
      command: 'source',
      kind: id === '' ? 'invalid-input' : 'not-found',
      title: 'Which source?',
      notice,
      hint: [
        suggestions.length > 0
          ? 'Did you mean one of these?'
          : `The fact base has ${plural(base.sources.length, 'source')}${all.note ? `.${all.note}` : ':'}`,
      ],
      items: listed.map((s) => ({ kind: 'detail', label: s.id, value: [s.title] })),
    };
  }
  const support = supportFor(base);
  const facts = index.factsFromSource(source.id);
  const items = details(source);
  const listed = capList(facts, 'use /search for the rest');
  if (facts.length > 0) {
    items.push({ kind: 'heading', text: `Facts from this source`, note: `${facts.length}, in date order` });
    items.push(...factItems(support, listed.shown));
  }
  return {
    command: 'source',
    kind: 'ok',
    title: source.title,
    notice: [`Source ${source.id}: ${plural(facts.length, 'fact')} in the fact base come from it.${listed.note}`],
    items,
  };
}
