/**
 * The one text normaliser, used wherever two spellings must meet: alias uniqueness checks in the
 * knowledge checker, and both indexing and querying in the search layer. Using the same function on
 * both sides is what makes `ain hour`, `Ain-Hawr` and `ain al hawr` find the same place.
 */

/** Arabic definite article forms as transliterated in the sources ("al-Hawr", "el-", "ez-Zor"). */
export const ARTICLE_TOKENS: ReadonlySet<string> = new Set(['al', 'el']);
/** Sun-letter assimilated forms ("Dayr az-Zawr", "Deir ez-Zor"), only recognised when hyphen-attached. */
const ATTACHED_ARTICLE = /\b(?:a|e)(?:d|n|r|s|sh|t|th|z)-(?=\p{L})/gu;

/** Lowercase, strip diacritics and typographic marks; keep letters, digits and single spaces. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // combining marks left by NFKD: é → e, ğ → g
    .toLowerCase()
    .replace(/[’‘ʼʿʾ'`´]/g, '') // apostrophes and ayn/hamza marks join the word: Hay’at → hayat
    .replace(/(\p{L})[-‐‑–](?=\p{N})/gu, '$1') // a road number is one word: M-4 → m4
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of `input`, folded, with the Arabic article dropped unless it is the only word. */
export function normaliseTerms(input: string): string[] {
  const detached = input.normalize('NFKD').replace(ATTACHED_ARTICLE, ' ');
  const words = foldText(detached).split(' ').filter((w) => w.length > 0);
  const kept = words.filter((w) => !ARTICLE_TOKENS.has(w));
  return kept.length > 0 ? kept : words;
}

/** A key under which spellings of one name compare equal: `Ain al-Hawr` → `ain hawr`. */
export function nameKey(input: string): string {
  return normaliseTerms(input).join(' ');
}
