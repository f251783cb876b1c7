/**
 * Aliases are other names of the place itself, and names must not collide.
 *
 * Names must not collide: every id, name and alias is folded with `nameKey` (case,
 * diacritics, hyphens/spaces, the "al-" article), the same function the search layer resolves user
 * input with, and no key may belong to two places. A place's own spellings may fold together
 * ("M4" and "M-4"): that is one place, not a collision.
 */
import type { KnowledgeIssue, Place } from '../domain/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Located } from './entries.ts';
import { issueAt, lineRef, type FieldPath } from './yaml-file.ts';

interface Spelling {
  readonly place: Located<Place>;
  readonly text: string;
  readonly fieldPath: FieldPath;
}

export function checkAliasCollisions(places: readonly Located<Place>[]): KnowledgeIssue[] {
  const owner = new Map<string, Spelling>();
  const reported = new Set<string>();
  const issues: KnowledgeIssue[] = [];

  const register = (spelling: Spelling) => {
    const { place } = spelling;
    const key = nameKey(spelling.text);
    const at = [place.index, ...spelling.fieldPath];
    if (key === '') {
      issues.push(issueAt(place.file, at, `"${spelling.text}" has no letters or digits to match a name by`));
      return;
    }
    const earlier = owner.get(key);
    if (!earlier) {
      owner.set(key, spelling);
      return;
    }
    // A place's id and name usually fold alike: one report per place and key is enough.
    const once = `${place.value.id}\u0000${key}`;
    if (earlier.place.value.id === place.value.id || reported.has(once)) return;
    reported.add(once);
    const where = lineRef(earlier.place, earlier.fieldPath);
    issues.push(
      issueAt(
        place.file,
        at,
        `"${spelling.text}" collides with "${earlier.text}" of place ${earlier.place.value.id} (${where}): ` +
          `both read as "${key}", so a user typing it could mean either`,
      ),
    );
  };

  // Ids and names first, so an alias that clashes with another place's own name is the one reported.
  for (const place of places) {
    register({ place, text: place.value.name, fieldPath: ['name'] });
    register({ place, text: place.value.id, fieldPath: ['id'] });
  }
  for (const place of places) {
    place.value.aliases.forEach((alias, i) => register({ place, text: alias, fieldPath: ['aliases', i] }));
  }
  return issues;
}

/**
 * Words that make a phrase describe a part of a place, or a wider area around it, rather than name
 * it: "northern Lattakia" is a part of Latakia province, "northwest Syria" a region of Syria, and
 * "Greater Idlib" more than Idlib province.
 */
const EXTENT_WORD = /^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central|upper|lower|inner|outer|greater)$/i;
/** A transliterated Arabic article may begin a name in lowercase: "al-Bara", "ez-Zor". */
const LOWERCASE_ARTICLE = /^(?:a|e)(?:l|d|n|r|s|sh|t|th|z)-\p{L}/u;

/** Why `alias` is not another name of `place`, or undefined when it is shaped like one. */
export function aliasShapeProblem(alias: string, place: Place): string | undefined {
  const first = alias.trim().split(/\s+/)[0] ?? '';
  const ownFirst = place.name.trim().split(/\s+/)[0] ?? '';
  if (EXTENT_WORD.test(first) && first.toLowerCase() !== ownFirst.toLowerCase()) {
    return (
      `"${alias}" describes a part of a place or an area around it ("${first}"), it does not name ${place.name}: ` +
      `make it a place of its own (kind region, with within), or file what happened there under the place it names`
    );
  }
  if (/^\p{Ll}/u.test(alias) && !LOWERCASE_ARTICLE.test(alias)) {
    return `"${alias}" starts in lowercase, as a description does, not a name: list names only (a region gets a place of its own)`;
  }
  return undefined;
}

export function checkAliasShapes(places: readonly Located<Place>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const place of places) {
    place.value.aliases.forEach((alias, i) => {
      const problem = aliasShapeProblem(alias, place.value);
      if (problem) issues.push(issueAt(place.file, [place.index, 'aliases', i], problem));
    });
  }
  return issues;
}
