/**
 * Double quotation marks pair up in quotes, statements, dispute texts and card text, and a quote
 * neither starts nor ends with one (cards put every quote in quotation marks of their own).
 */
import { describe, expect, it } from 'vitest';
import { quoteMarkProblem } from '../../src/knowledge/quote-marks.ts';
import { itReportsEach } from './helpers.ts';

const A = 'facts/alpha-news-patrol.yaml';
const CONVOY = 'quote: A ministry official told reporters the convoy was "not harmed" and drove on.';

describe('quotation marks', () => {
  it('accepts marks that pair up, curly or straight, and apostrophes', () => {
    expect(quoteMarkProblem('“Training was held,” Polyakov said, and “twice”.')).toBeUndefined();
    expect(quoteMarkProblem('The general was identified only as a "senior military advisor".')).toBeUndefined();
    expect(quoteMarkProblem('Hay’at Tahrir al-Sham, SouthFront’s “Greater Idlib”')).toBeUndefined();
  });

  itReportsEach([
    {
      rule: 'a quote closes a quotation it never opened',
      file: A,
      from: CONVOY,
      to: 'quote: not harmed” and drove on.',
      line: 20,
      field: 'facts[1].quote',
      message: 'closes a quotation it never opened (” at "…not harmed”"): quote from the opening “ or stop before the ”',
    },
    {
      rule: 'a quote stops inside a quotation',
      file: A,
      from: CONVOY,
      to: 'quote: A ministry official told reporters the convoy was “not',
      line: 20,
      field: 'facts[1].quote',
      message: 'opens a quotation (“) it never closes: quote up to the closing ” or start after the “',
    },
    {
      rule: 'a straight quotation mark is left open',
      file: A,
      from: CONVOY,
      to: 'quote: A ministry official told reporters the convoy was "not harmed',
      line: 20,
      field: 'facts[1].quote',
      message: 'has an odd number of straight quotation marks ("): one of them is never closed',
    },
    {
      rule: 'a quote starts with a quotation mark',
      file: A,
      from: CONVOY,
      to: `quote: '"not harmed" and drove on.'`,
      line: 20,
      field: 'facts[1].quote',
      message:
        'starts with a quotation mark, which a card would show doubled inside its own (““…): ' +
        'quote the words inside the marks; the claimant and reported_via say who said them',
    },
    {
      rule: 'a quote ends with a quotation mark',
      file: A,
      from: CONVOY,
      to: 'quote: A ministry official told reporters the convoy was "not harmed"',
      line: 20,
      field: 'facts[1].quote',
      message:
        'ends with a quotation mark, which a card would show doubled inside its own (…””): ' +
        'quote the words inside the marks; the claimant and reported_via say who said them',
    },
    {
      rule: 'a statement doubles its quotation marks',
      file: A,
      from: 'statement: A ministry official said the convoy was not harmed.',
      to: `statement: 'A ministry official said ""the convoy was not harmed"".'`,
      line: 19,
      field: 'facts[1].statement',
      message: 'has a doubled quotation mark ("") at "…istry official said """',
    },
    {
      rule: "an event's card text leaves a quotation open",
      file: 'events.yaml',
      from: 'text: a six-hour drive to Ain Hawr',
      to: 'text: a six-hour drive to “Ain Hawr',
      line: 28,
      field: 'events[0].brief.text',
      message: 'opens a quotation (“) it never closes: quote up to the closing ” or start after the “',
    },
    {
      rule: "a dispute's text closes a quotation it never opened",
      file: 'disputes.yaml',
      from: 'differs: Alpha News has it arrive unharmed',
      to: 'differs: Alpha News has it arrive ”unharmed',
      line: 4,
      field: 'disputes[0].differs',
      message: 'closes a quotation it never opened (” at "…Alpha News has it arrive ”"): quote from the opening “ or stop before the ”',
    },
  ]);
});
