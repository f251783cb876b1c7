/** /attacks [from] [to]: attacks on the joint patrols in date order, related attacks marked. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer } from './answer.ts';
import { capList, factItems, plural, supportFor } from './cite.ts';
import { parseDateRange } from './dates.ts';

export function answerAttacks(index: KnowledgeIndex, from?: string, to?: string): Answer {
  const title = 'Attacks on the joint patrols';
  const range = parseDateRange(from, to);
  if (!range.ok) {
    return { command: 'attacks', kind: 'invalid-input', title, notice: range.message, hint: ['Example: /attacks from:July 2020 to:August 2020'], items: [] };
  }
  const attacks = index.factsBetween({ ...range.bounds, kind: 'attack' });
  const listed = capList(attacks);
  const onPatrols = attacks.filter((f) => f.attack_target !== 'related-forces').length;
  const related = attacks.length - onPatrols;
  const when = range.text ? ` ${range.text}` : '';
  if (attacks.length === 0) {
    return {
      command: 'attacks',
      kind: 'not-found',
      title,
      notice: [`The fact base records no attacks${when}.`],
      hint: range.text ? ['Try a wider range, or /attacks with no dates for all of them.'] : [],
      items: [],
    };
  }
  return {
    command: 'attacks',
    kind: 'ok',
    title,
    notice: [
      `${plural(onPatrols, 'attack')} on the joint patrols` +
        (related > 0 ? ` and ${plural(related, 'related attack')} on the forces involved (marked as related)` : '') +
        `${when}, in date order.${listed.note}`,
    ],
    items: factItems(supportFor(index.base), listed.shown, { related: (f) => f.attack_target === 'related-forces' }),
  };
}
