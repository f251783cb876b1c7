import { describe, expect, it } from 'vitest';
import { keywordQuery } from '../../src/interactions/keywords.ts';

describe('keywordQuery', () => {
  it('keeps the meaningful words of a chat message and drops filler and mention ids', () => {
    expect(keywordQuery('<@123456789012345678> hey, what do you know about the attack at Ain al-Hawr?')).toBe('attack ain hawr');
  });

  it('is short enough to page with, whatever the message', () => {
    const q = keywordQuery('patrol '.repeat(10) + 'word'.repeat(5) + ' ' + 'x'.repeat(300) + ' more words after that');
    expect(q.length).toBeLessThanOrEqual(48);
  });

  it('gives an empty query for a message with nothing to search', () => {
    expect(keywordQuery('<@123456789012345678> hi!!')).toBe('');
  });
});
