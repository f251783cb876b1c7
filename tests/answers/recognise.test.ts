import { beforeAll, describe, expect, it } from 'vitest';
import { keywordQuery, patrolNumberIn, recognise } from '../../src/answers/recognise.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { realIndex } from '../fixtures/real.ts';

let index: KnowledgeIndex;
beforeAll(async () => {
  index = await realIndex();
});

describe('what a chat message asks', () => {
  it.each([
    ['the 26th patrol', 26],
    ['what happened to patrol 26?', 26],
    ['Patrol #22', 22],
    ['patrol no. 21', 21],
    ['the 22nd joint patrol', 22],
    ['the 21th patrol', 21],
    ['the first patrol', 1],
    ['the first joint patrol on the M4', 1],
    // A compound ordinal is read whole, with a hyphen or a space: not "first patrol", patrol 1.
    ['the twenty-first patrol', 21],
    ['twenty first patrol', 21],
    ['what happened on the Twenty-Second joint patrol?', 22],
    ['the thirty-first patrol', 31],
    ['the twentieth patrol', 20],
    ['the seventeenth patrol', 17],
    // "may" here is not the month.
    ['patrol 26 may have been attacked', 26],
    ['patrol 26 on 25 August', 26],
  ])('%j names patrol %i', (text, n) => {
    expect(patrolNumberIn(text)).toBe(n);
    expect(recognise(index, text)).toEqual({ command: 'patrol', number: n });
  });

  it('a number that is not a patrol’s is not one: "25 patrols", "in 2020"', () => {
    expect(patrolNumberIn('they conducted 25 patrols in 2020')).toBeUndefined();
    expect(patrolNumberIn('joint patrols in July')).toBeUndefined();
  });

  it.each([
    ['what happened to the patrol 25 August?', 'patrol 25 august'],
    ['the patrol 14 July', 'patrol 14 july'],
    ['the Aug. 25 patrol', 'aug 25 patrol'],
    ['patrol 25 May', 'patrol 25 may'],
  ])('%j is a date, not a patrol number: it is searched for', (text, query) => {
    expect(patrolNumberIn(text)).toBeUndefined();
    expect(recognise(index, text)).toEqual({ command: 'search', query });
  });

  it.each([
    ['where is Ain Hour?', 'Ain Hawr'],
    ['<@111111111111111111> taranba', 'Tronba'],
    ['tell me about Ain al-Hawr', 'Ain Hawr'],
  ])('%j asks about the place %s', (text, place) => {
    expect(recognise(index, text)).toEqual({ command: 'where', place });
  });

  it('a question that only mentions a place is a search', () => {
    expect(recognise(index, 'was anyone wounded near Ariha?')).toEqual({ command: 'search', query: 'wounded near ariha' });
  });

  it('anything else is a search for its meaningful words, and nothing at all is /help', () => {
    expect(recognise(index, '<@111111111111111111> tell me about the human shields')).toEqual({ command: 'search', query: 'human shields' });
    expect(recognise(index, '<@111111111111111111> hey, anything?')).toBeNull();
  });

  it('keeps a chat search short, without mention ids or repeats', () => {
    expect(keywordQuery('<@123456789012345678> IED IED ied near Ariha please')).toBe('ied near ariha');
    expect(keywordQuery('word '.repeat(5) + 'a'.repeat(100)).length).toBeLessThanOrEqual(48);
  });
});
