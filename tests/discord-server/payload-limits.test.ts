import type { APIMessage } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from './lib/errors.ts';
import { InvalidFormBodyError } from './validate/form-errors.ts';
import { validateAutocompleteResult, validateModal } from './validate/interaction-responses.ts';
import { validateMessagePayload, type MessagePayloadCheck } from './validate/message-payload.ts';

// The limits the server enforces, at and just past each boundary, without a client in the way.

const AS_REPLY: MessagePayloadCheck = { kind: 'interaction-message', path: ['data'], fileCount: 0 };

/** Paths and codes of the 50035 problems, or 'ok', or the other Discord error code. */
function problems(run: () => void): string[] | 'ok' | number {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof InvalidFormBodyError) return error.issues.map((i) => `${i.path} ${i.code}`);
    if (error instanceof DiscordHttpError) return error.body.code;
    throw error;
  }
}
const reply = (data: unknown) => problems(() => validateMessagePayload(data, AS_REPLY));
const x = (n: number) => 'x'.repeat(n);
const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('message content and embeds', () => {
  it('content: 2000 characters pass, 2001 do not', () => {
    expect(reply({ content: x(2000) })).toBe('ok');
    expect(reply({ content: x(2001) })).toEqual(['data.content BASE_TYPE_MAX_LENGTH']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(reply({ content: '😀'.repeat(2000) })).toBe('ok');
  });

  it('at most 10 embeds', () => {
    const embeds = (n: number) => Array.from({ length: n }, () => ({ title: 't' }));
    expect(reply({ embeds: embeds(10) })).toBe('ok');
    expect(reply({ embeds: embeds(11) })).toEqual(['data.embeds BASE_TYPE_MAX_LENGTH']);
  });

  it('embed field limits: title 256, description 4096, footer 2048, author 256', () => {
    expect(reply({ embeds: [{ title: x(256), description: x(4096) }] })).toBe('ok');
    expect(reply({ embeds: [{ title: x(257), description: x(4097), footer: { text: x(2049) }, author: { name: x(257) } }] })).toEqual([
      'data.embeds.0.title BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.description BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.footer.text BASE_TYPE_BAD_LENGTH',
      'data.embeds.0.author.name BASE_TYPE_BAD_LENGTH',
      'data.embeds MAX_EMBED_SIZE_EXCEEDED',
    ]);
  });

  it('25 fields with names up to 256 and values up to 1024; empty ones are missing', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    expect(reply({ embeds: [{ fields: fields(25) }] })).toBe('ok');
    expect(reply({ embeds: [{ fields: fields(26) }] })).toEqual(['data.embeds.0.fields BASE_TYPE_MAX_LENGTH']);
    expect(reply({ embeds: [{ fields: [{ name: x(257), value: x(1025) }, { name: '', value: '' }] }] })).toEqual([
      'data.embeds.0.fields.0.name BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.fields.0.value BASE_TYPE_MAX_LENGTH',
      'data.embeds.0.fields.1.name BASE_TYPE_REQUIRED',
      'data.embeds.0.fields.1.value BASE_TYPE_REQUIRED',
    ]);
  });

  it('6000 characters across all embeds of a message, no more', () => {
    const half = { title: x(256), description: x(2744) }; // 3000 characters
    expect(reply({ embeds: [half, half] })).toBe('ok');
    expect(reply({ embeds: [half, { ...half, footer: { text: 'x' } }] })).toEqual(['data.embeds MAX_EMBED_SIZE_EXCEEDED']);
  });

  it('an empty message is 50006, not 50035', () => {
    expect(reply({ content: '' })).toBe(50006);
    expect(reply({ content: '   ', embeds: [] })).toBe(50006);
  });

  it('an edit that would leave the message empty is 50006, on every edit route', () => {
    const existing = { content: 'page 1', embeds: [], components: [], attachments: [] } as unknown as APIMessage;
    const asEdit = (body: unknown) => problems(() => validateMessagePayload(body, { kind: 'edit', path: [], fileCount: 0, existing }));
    expect(asEdit({ content: '' })).toBe(50006);
    expect(asEdit({ content: '', embeds: [{ title: 'page 2' }] })).toBe('ok');
    expect(asEdit({ components: [] })).toBe('ok'); // the content stays
  });
});

describe('components', () => {
  it('5 action rows of 5 buttons pass; a 6th row or 6th button does not', () => {
    const rows = (n: number, perRow: number) =>
      Array.from({ length: n }, (_, r) => row(...Array.from({ length: perRow }, (_, b) => button(`b${r}-${b}`))));
    expect(reply({ content: 'x', components: rows(5, 5) })).toBe('ok');
    expect(reply({ content: 'x', components: rows(6, 1) })).toEqual(['data.components BASE_TYPE_MAX_LENGTH']);
    expect(reply({ content: 'x', components: rows(1, 6) })).toEqual(['data.components.0.components BASE_TYPE_MAX_LENGTH']);
  });

  it('custom_id up to 100 and unique, labels up to 80', () => {
    expect(reply({ content: 'x', components: [row(button(x(100), x(80)))] })).toBe('ok');
    expect(reply({ content: 'x', components: [row(button(x(101), x(81)))] })).toEqual([
      'data.components.0.components.0.label BASE_TYPE_MAX_LENGTH',
      'data.components.0.components.0.custom_id BASE_TYPE_BAD_LENGTH',
    ]);
    expect(reply({ content: 'x', components: [row(button('same'), button('same'))] })).toEqual([
      'data.components.0.components.1.custom_id COMPONENT_CUSTOM_ID_DUPLICATED',
    ]);
  });

  it('a select menu fills its row alone', () => {
    const select = { type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] };
    expect(reply({ content: 'x', components: [row(select)] })).toBe('ok');
    expect(reply({ content: 'x', components: [row(select, button('b'))] })).toEqual([
      'data.components.0.components COMPONENT_LAYOUT_WIDTH_EXCEEDED',
    ]);
  });
});

describe('flags and allowed_mentions', () => {
  it('channel messages cannot be ephemeral; interaction replies can', () => {
    expect(reply({ content: 'x', flags: 64 })).toBe('ok');
    const channel = problems(() => validateMessagePayload({ content: 'x', flags: 64 }, { kind: 'channel-message', path: [], fileCount: 0 }));
    expect(channel).toEqual(['flags MESSAGE_FLAGS_INVALID']);
  });

  it('parse users and an explicit users list are mutually exclusive', () => {
    expect(reply({ content: 'x', allowed_mentions: { parse: [] } })).toBe('ok');
    expect(reply({ content: 'x', allowed_mentions: { parse: ['users'], users: ['123456789012345678'] } })).toEqual([
      'data.allowed_mentions.users ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
    ]);
    expect(reply({ content: 'x', allowed_mentions: { parse: ['nobody'] } })).toEqual(['data.allowed_mentions.parse.0 BASE_TYPE_CHOICES']);
  });
});

describe('autocomplete results and modals', () => {
  const choices = (n: number, name = 'n', value: unknown = 'v') => ({ choices: Array.from({ length: n }, () => ({ name, value })) });

  it('up to 25 choices, names 1-100, string values up to 100', () => {
    expect(problems(() => validateAutocompleteResult(choices(25, x(100), x(100)), 3))).toBe('ok');
    expect(problems(() => validateAutocompleteResult(choices(26), 3))).toEqual(['data.choices BASE_TYPE_MAX_LENGTH']);
    expect(problems(() => validateAutocompleteResult(choices(1, ''), 3))).toEqual(['data.choices.0.name BASE_TYPE_BAD_LENGTH']);
    expect(problems(() => validateAutocompleteResult(choices(1, x(101), x(101)), 3))).toEqual([
      'data.choices.0.name BASE_TYPE_BAD_LENGTH',
      'data.choices.0.value BASE_TYPE_MAX_LENGTH',
    ]);
  });

  it('choice values must match the focused option type', () => {
    expect(problems(() => validateAutocompleteResult(choices(1, 'n', 22), 4))).toBe('ok');
    expect(problems(() => validateAutocompleteResult(choices(1, 'n', '22'), 4))).toEqual(['data.choices.0.value NUMBER_TYPE_COERCE']);
  });

  it('modal title up to 45 characters', () => {
    const modal = (title: string) => ({
      custom_id: 'm',
      title,
      components: [row({ type: 4, custom_id: 'q', style: 1, label: 'Question' })],
    });
    expect(problems(() => validateModal(modal(x(45))))).toBe('ok');
    expect(problems(() => validateModal(modal(x(46))))).toEqual(['data.title BASE_TYPE_BAD_LENGTH']);
  });
});
