import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, decodePageId, encodePageId, fitPageState, pageButtons, type PageState } from '../../src/interactions/paging.ts';

const state: PageState = { page: 1, userId: '123456789012345678', expiresAt: 1_700_000_000_000, command: 'search', options: { query: 'human shields' } };

describe('paging custom ids', () => {
  it('round-trips the whole state through the custom id', () => {
    const id = encodePageId(state);
    expect(id).not.toBeNull();
    expect(id!.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodePageId(id!)).toEqual(state);
  });

  it('rejects ids that are not paging ids or are tampered with', () => {
    for (const bad of ['', 'pg-label', 'pg;1;abc;xyz;search;q=1', 'pg;-1;123456789012345678;1;search;', 'xx;1;123456789012345678;1;search;', 'pg;1;123456789012345678;1;Search!;']) {
      expect(decodePageId(bad)).toBeNull();
    }
  });

  it('shortens a long free-text option until the id fits, keeping the first words', () => {
    const long = { ...state, options: { query: 'ied attack on the joint patrol near ariha with many more words than fit in a custom id at all' } };
    expect(encodePageId(long)).toBeNull();
    const fitted = fitPageState(long)!;
    expect(encodePageId(fitted)!.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(long.options.query.startsWith(fitted.options.query!)).toBe(true);
    expect(fitted.options.query!.length).toBeGreaterThan(0);
  });

  it('any option text either fits or is refused: never an id over 100 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 0, max: 998 }), (text, page) => {
        const fitted = fitPageState({ ...state, page, options: { query: text } });
        if (fitted) expect(encodePageId(fitted)!.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      }),
    );
  });

  it('buttons: Previous disabled on the first page, Next on the last, unique ids', () => {
    const first = pageButtons({ ...state, page: 0 }, 3).components;
    expect(first[0]!.disabled).toBe(true);
    expect(first[2]!.disabled).toBe(false);
    expect(decodePageId((first[2] as { custom_id: string }).custom_id)!.page).toBe(1);
    const last = pageButtons({ ...state, page: 2 }, 3).components;
    expect(last[2]!.disabled).toBe(true);
    expect(decodePageId((last[0] as { custom_id: string }).custom_id)!.page).toBe(1);
    const ids = last.map((b) => (b as { custom_id: string }).custom_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
