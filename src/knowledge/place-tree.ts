/**
 * Places lie within places (village → province → region → country), so that `/where` on a larger
 * place can include what happened in the places within it. `within` must name a known place, not
 * the place itself, never run in a circle, and go to a larger kind of area; every place but a
 * country lies within another. `descendantsOf` walks the tree for the answers layer (/where).
 */
import type { KnowledgeIssue, Place } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { checkId, type IdCatalogue } from './references.ts';
import { issueAt, lineRef } from './yaml-file.ts';

/**
 * How large an area each kind of place is. A place lies within one of a higher rank; a highway is
 * a line through areas, so nothing lies within it.
 */
export const PLACE_RANK = {
  'military-post': 0,
  village: 1,
  town: 1,
  city: 1,
  highway: 2,
  province: 2,
  region: 3,
  country: 4,
} as const satisfies Record<Place['kind'], number>;

export function checkWithin(places: readonly Located<Place>[], catalogue: IdCatalogue): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const byId = new Map(places.map((entry) => [entry.value.id, entry] as const));
  const inCycle = new Set<string>();

  for (const entry of places) {
    const { value: place, file, index } = entry;
    if (place.within === undefined) {
      if (place.kind !== 'country') {
        issues.push(
          issueAt(file, [index, 'within'], `is required for a ${place.kind}: the id of the place it lies in, so /where on that place finds it`, [index]),
        );
      }
      continue;
    }
    if (place.within === place.id) {
      issues.push(issueAt(file, [index, 'within'], 'a place is not within itself: name the larger place it lies in'));
      continue;
    }
    checkId(entry, ['within'], place.within, 'place', catalogue, issues);
    const parent = byId.get(place.within)?.value;
    if (parent && (parent.kind === 'highway' || PLACE_RANK[parent.kind] <= PLACE_RANK[place.kind])) {
      issues.push(
        issueAt(
          file,
          [index, 'within'],
          `a ${place.kind} does not lie within a ${parent.kind} (${parent.id}): within names a larger area ` +
            '(village, town or city → province → region → country)',
        ),
      );
    }

    // Follow the chain up; coming back here is a circle, reported once, at its first place in file order.
    const chain = [place.id];
    for (let up = parent; up?.within !== undefined && !chain.includes(up.id); up = byId.get(up.within)?.value) chain.push(up.id);
    const last = byId.get(chain[chain.length - 1]!)?.value;
    if (last?.within === place.id && chain.length > 1 && !chain.some((id) => inCycle.has(id))) {
      for (const id of chain) inCycle.add(id);
      const others = chain.slice(1).map((id) => {
        const other = byId.get(id)!;
        return `${id} (${lineRef(other, ['within'])})`;
      });
      issues.push(issueAt(file, [index, 'within'], `within runs in a circle: ${[...chain, place.id].join(' → ')}; via ${others.join(', ')}`));
    }
  }
  return issues;
}

/** The places within the place `id`, at any depth, nearest first (each level in the order given). */
export function descendantsOf(places: readonly Place[], id: string): Place[] {
  const found: Place[] = [];
  const seen = new Set([id]);
  for (let level = new Set([id]); level.size > 0; ) {
    const next = places.filter((place) => place.within !== undefined && level.has(place.within) && !seen.has(place.id));
    for (const place of next) seen.add(place.id);
    found.push(...next);
    level = new Set(next.map((place) => place.id));
  }
  return found;
}
