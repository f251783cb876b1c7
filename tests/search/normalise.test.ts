/**
 * The one normaliser (src/text/normalise.ts) as the search layer relies on it, and the index's own
 * term pipeline on top of it (stop words, ordinals).
 */
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/search/terms.ts';
import { foldText, nameKey, normaliseTerms } from '../../src/text/normalise.ts';

describe('normaliseTerms', () => {
  it('folds case and diacritics', () => {
    expect(normaliseTerms('AIN Hawr')).toEqual(['ain', 'hawr']);
    expect(normaliseTerms('Türkiye Erdoğan')).toEqual(['turkiye', 'erdogan']);
    expect(foldText('Ḥalab')).toBe('halab');
  });

  it('treats punctuation and hyphens as word breaks', () => {
    expect(normaliseTerms('Ain-Hawr')).toEqual(['ain', 'hawr']);
    expect(normaliseTerms('Aleppo–Latakia, (highway)!')).toEqual(['aleppo', 'latakia', 'highway']);
  });

  it('joins apostrophes and ayn marks into the word', () => {
    expect(normaliseTerms('Hay’at Tahrir')).toEqual(['hayat', 'tahrir']);
    expect(normaliseTerms("Ma'arrat")).toEqual(['maarrat']);
  });

  it('keeps a road number one word', () => {
    expect(normaliseTerms('M-4')).toEqual(['m4']);
    expect(normaliseTerms('the M4 highway')).toEqual(['the', 'm4', 'highway']);
  });

  it('drops the Arabic article, detached or assimilated', () => {
    expect(normaliseTerms('Ain al-Hawr')).toEqual(['ain', 'hawr']);
    expect(normaliseTerms('ain al hawr')).toEqual(['ain', 'hawr']);
    expect(normaliseTerms('El-Bab')).toEqual(['bab']);
    expect(normaliseTerms('Dayr az-Zawr')).toEqual(['dayr', 'zawr']);
    expect(normaliseTerms('Deir ez-Zor')).toEqual(['deir', 'zor']);
  });

  it('keeps the article when it is the only word', () => {
    expect(normaliseTerms('al')).toEqual(['al']);
  });

  it('makes the spellings of one place meet', () => {
    const keys = ['ain hour', 'Ain-Hour', 'ain al hour', 'AIN  HOUR', 'Aïn al-Hour'].map(nameKey);
    expect(new Set(keys)).toEqual(new Set(['ain hour']));
  });
});

describe('searchTerms', () => {
  it('drops English stop words', () => {
    expect(searchTerms('an attack on the patrol')).toEqual(['attack', 'patrol']);
  });

  it('gives nothing for empty, punctuation-only or stop-word-only input', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('?!… —')).toEqual([]);
    expect(searchTerms('the of and')).toEqual([]);
  });

  it('counts an ordinal also as its number', () => {
    expect(searchTerms('the 22nd patrol')).toEqual(['22nd', '22', 'patrol']);
    expect(searchTerms('patrol 22')).toEqual(['patrol', '22']);
  });

  it('normalises like the one normaliser', () => {
    expect(searchTerms('Ain al-Hawr')).toEqual(normaliseTerms('Ain al-Hawr'));
  });
});
