/**
 * The terms of a text as the index sees them — for facts being indexed and for queries alike, so that
 * both sides always agree: the one normaliser (`normaliseTerms`), English stop words dropped, and an
 * ordinal also counted as its number ("22nd" is found by "patrol 22").
 */
import { ARTICLE_TOKENS, normaliseTerms } from '../text/normalise.ts';
import { STOP_WORDS } from './stop-words.ts';

const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/** Stop words out, ordinals doubled with their number; order kept (duplicates are the caller's business). */
function refine(words: readonly string[], out: string[]): void {
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    out.push(word);
    const ordinal = ORDINAL.exec(word);
    if (ordinal) out.push(ordinal[1] as string);
  }
}

/** The index terms of `text`, in order. [] when nothing meaningful is left (empty, punctuation, stop words). */
export function searchTerms(text: string): string[] {
  const out: string[] = [];
  refine(normaliseTerms(text), out);
  return out;
}

/** Receives term ids one by one (the indexer counts them straight into its tables). */
export interface TermSink {
  add(id: number): void;
}

/**
 * The same terms as `searchTerms`, as integer ids, fast enough for indexing 100k facts.
 *
 * `normaliseTerms` over a whole statement costs ~1.4 s for 100k facts, because every fact repeats the
 * same regular-expression passes. Splitting at spaces and normalising each distinct word once gives
 * the same result — a space separates words in the normaliser too, no rule looks across one, and
 * Unicode decomposition never moves marks across it — except for one rule that looks at the whole
 * text: "al"/"el" are dropped unless they are the only words. So articles are held back and only
 * emitted at the end of a text that turned out to have nothing else. tests/search/terms.test.ts
 * checks the equivalence on arbitrary strings.
 *
 * Words are found by hashing their characters in place and comparing them where they stand, so the
 * millions of words of a large base cost no substring allocation (and no garbage collection).
 */
export class TermInterner {
  /** Term text per id, in order of first appearance. */
  readonly terms: string[] = [];
  readonly #ids = new Map<string, number>();
  /**
   * Distinct raw words in an open-addressing table keyed by an FNV-1a hash of their characters:
   * slot → 1 + index into #words (0 = empty), with the hash kept beside it to skip most compares.
   */
  #slots = new Int32Array(1 << 12);
  #slotHashes = new Int32Array(1 << 12);
  readonly #words: RawWord[] = [];
  readonly #heldArticles: number[] = [];

  idOf(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.#ids.set(term, id);
    }
    return id;
  }

  /** Send the term ids of `text` to `sink`, in order (articles of an all-article text last). */
  collect(text: string, sink: TermSink): void {
    const n = text.length;
    const held = this.#heldArticles;
    held.length = 0;
    let others = false;
    let from = 0;
    while (from <= n) {
      let hash = 0x811c9dc5 | 0;
      let end = from;
      for (; end < n; end++) {
        const c = text.charCodeAt(end);
        if (c === 32) break;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      const word = this.#word(text, from, end, hash);
      const ids = word.ids;
      if (typeof ids === 'number') sink.add(ids);
      else for (let i = 0; i < ids.length; i++) sink.add(ids[i] as number);
      if (word.articles !== null) for (const id of word.articles) held.push(id);
      others ||= word.others;
      from = end + 1;
    }
    // Articles next to other words are dropped, exactly as normaliseTerms does on the whole text.
    if (!others) for (const id of held) sink.add(id);
  }

  /** The memoised word text[from, end), created on first sight. */
  #word(text: string, from: number, end: number, hash: number): RawWord {
    const length = end - from;
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === 0) break;
      if (this.#slotHashes[slot] !== hash) continue;
      const word = this.#words[entry - 1]!;
      if (word.text.length === length && text.startsWith(word.text, from)) return word;
    }
    const created = this.#rawWord(text.slice(from, end));
    this.#words.push(created);
    this.#place(hash, this.#words.length);
    // Keep the table at most half full, so probes stay short.
    if (this.#words.length * 2 > this.#slots.length) this.#grow();
    return created;
  }

  #place(hash: number, entry: number): void {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
    this.#slots[slot] = entry;
    this.#slotHashes[slot] = hash;
  }

  #grow(): void {
    const oldSlots = this.#slots;
    const oldHashes = this.#slotHashes;
    this.#slots = new Int32Array(oldSlots.length * 2);
    this.#slotHashes = new Int32Array(oldSlots.length * 2);
    for (let slot = 0; slot < oldSlots.length; slot++) {
      if (oldSlots[slot] !== 0) this.#place(oldHashes[slot]!, oldSlots[slot]!);
    }
  }

  #rawWord(text: string): RawWord {
    const refined: string[] = [];
    const articles: number[] = [];
    let others = false;
    for (const w of normaliseTerms(text)) {
      if (ARTICLE_TOKENS.has(w)) {
        articles.push(this.idOf(w));
      } else {
        // A stop word counts as "another word" for the article rule even though it is not indexed.
        others = true;
        refine([w], refined);
      }
    }
    const ids = refined.map((term) => this.idOf(term));
    return { text, ids: ids.length === 1 ? (ids[0] as number) : ids, articles: articles.length > 0 ? articles : null, others };
  }
}

interface RawWord {
  readonly text: string;
  /** Its terms other than articles; a bare id for the common one-term word, to keep the hot loop cheap. */
  readonly ids: number | readonly number[];
  /** Articles ("al", "el") in it, emitted only if the whole text has no other word. */
  readonly articles: readonly number[] | null;
  /** Whether it holds any word that is not an article (stop words included). */
  readonly others: boolean;
}

/**
 * `nameKey` for many names at once: the same key, with each distinct word normalised only once
 * (the same equivalence as TermInterner's). Thousands of place and source names then cost
 * milliseconds instead of a regular-expression pipeline per name.
 */
export class NameKeys {
  readonly #words = new Map<string, { readonly terms: readonly string[]; readonly others: boolean }>();

  key(text: string): string {
    const kept: string[] = [];
    const articles: string[] = [];
    for (const word of text.split(' ')) {
      let entry = this.#words.get(word);
      if (entry === undefined) {
        const terms = normaliseTerms(word);
        entry = { terms, others: terms.some((t) => !ARTICLE_TOKENS.has(t)) };
        this.#words.set(word, entry);
      }
      for (const term of entry.terms) (ARTICLE_TOKENS.has(term) ? articles : kept).push(term);
    }
    return (kept.length > 0 ? kept : articles).join(' ');
  }
}
