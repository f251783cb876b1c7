import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeUserText, plainLine } from '../../src/render/escape.ts';
import { displayed, MENTION } from './discord-limits.ts';

/** Markdown characters not preceded by an escaping backslash. */
function unescapedMarkup(text: string): string[] {
  return [...text.matchAll(/(?<!\\)(?:\\\\)*([*_~`|>#[\]()<:])/g)].map((m) => m[1] as string);
}

describe('escapeUserText', () => {
  it('neutralises every markdown construct', () => {
    const input = '**bold** _it_ __u__ `code` ```block``` ~~s~~ ||spoiler|| > quote # head - list 1. one';
    const out = escapeUserText(input);
    expect(unescapedMarkup(out)).toEqual([]);
    expect(displayed(out)).toBe(input);
  });

  it('neutralises mentions of everyone, here, users, roles and channels', () => {
    for (const input of ['@everyone', '@here', '<@123456789012345678>', '<@!123>', '<@&987>', '<#555>', '</cmd:1>', '<t:1600000000:R>']) {
      const out = escapeUserText(input);
      expect(out).not.toMatch(MENTION);
      expect(out).not.toMatch(/(?<!\\)</);
      expect(displayed(out)).toBe(input);
    }
  });

  it('neutralises links and masked links', () => {
    const masked = escapeUserText('[free nitro](https://evil.example/x)');
    expect(masked).not.toContain('](');
    expect(masked).not.toContain('https://');
    expect(escapeUserText('https://evil.example')).not.toMatch(/https?:\/\//);
    expect(escapeUserText('<https://evil.example>')).not.toMatch(/(?<!\\)</);
    expect(escapeUserText('discord.gg/abc')).not.toContain('discord.gg');
  });

  it('keeps a backslash the user typed from escaping our own markup', () => {
    const out = escapeUserText('trailing\\');
    expect(out).toBe('trailing\\\\');
    expect(displayed(out)).toBe('trailing\\');
  });

  it('puts everything on one line and drops invisible and direction-changing characters', () => {
    expect(escapeUserText('a\nb\r\nc\td')).toBe('a b c d');
    expect(escapeUserText('abc\u202Edef\u2066\u200Bx\u0007')).toBe('abcdefx');
    expect(escapeUserText('half \ud83d pair')).toBe('half \ufffd pair');
    expect(escapeUserText('ok 👍 é')).toBe('ok 👍 é');
  });
});

describe('escapeMarkdown (the fact base’s own text)', () => {
  it('escapes formatting but leaves ordinary punctuation readable', () => {
    expect(escapeMarkdown('Hay’at Tahrir al-Sham (HTS), 6 km')).toBe('Hay’at Tahrir al-Sham (HTS), 6 km');
    expect(escapeMarkdown('a *b* _c_ `d` |e| [f]')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\|e\\| \\[f\\]');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('mail @everyone')).not.toMatch(MENTION);
  });
});

describe('plainLine', () => {
  it('is one line without mentions, for titles and footers', () => {
    expect(plainLine(' a\n@here  b ')).toBe('a @\u200bhere b');
  });
});
