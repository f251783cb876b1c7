/** /help: what the bot knows (counted from the fact base) and how to ask. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, Block, MenuOption } from './answer.ts';
import { spanText } from '../text/day-spans.ts';
import { eventsOf } from './events.ts';
import { COMMANDS, usageLine, type Target } from './query.ts';
import { plural } from './words.ts';

export function answerHelp(index: KnowledgeIndex): Answer {
  const { base } = index;
  const catalogue = eventsOf(base);
  const attacks = catalogue.all.filter((v) => v.kind === 'attack').length;
  const blocks: Block[] = [
    { kind: 'para', text: ['I answer questions about the 2020 Russian–Turkish joint patrols on Syria’s M4 highway, only from a curated fact base: every line cites its sources, and where sources differ both sides are shown.'] },
    {
      kind: 'line',
      label: 'Fact base',
      text: [
        `${plural(base.facts.length, 'fact')} from ${plural(base.sources.length, 'source')} about ${plural(catalogue.all.length, 'event')}; ` +
          `${plural(base.places.length, 'place')}; ${plural(base.disputes.length, 'recorded disagreement')}.`,
      ],
    },
  ];
  if (catalogue.all.length > 0) blocks.push({ kind: 'line', label: 'Dates', text: [spanText(catalogue.all.map((v) => v.days))] });
  if (catalogue.patrols.length > 0) blocks.push({ kind: 'line', label: 'Patrols', text: [catalogue.patrols.join(', ') + (attacks > 0 ? ` · ${plural(attacks, 'attack')} on record` : '')] });
  blocks.push({ kind: 'break' });
  for (const command of COMMANDS) blocks.push({ kind: 'line', label: usageLine(command.name), text: [`${command.description} e.g. ${command.examples[0]}`] });
  blocks.push({
    kind: 'small',
    text: ['Dates as 2020-07-01, 2020-07 or July 2020. Under each answer, 📜 Quotes & sources shows the sources’ own words and ⚖️ shows where they disagree; only you see what you open.'],
  });
  const tries: readonly [string, Target][] = [
    ['Patrols on record', { command: 'patrol' }],
    ['Attacks on the patrols', { command: 'attacks' }],
    ['Timeline', { command: 'timeline' }],
    ...catalogue.patrols.slice(-3).map((n): [string, Target] => [`Patrol ${n}`, { command: 'patrol', number: n }]),
  ];
  const options = tries.map(([label, target]): MenuOption => ({ label, target }));
  return {
    target: { command: 'help' },
    kind: 'ok',
    title: 'M4 joint patrols: what I know and how to ask',
    blocks,
    footnotes: [],
    notes: [],
    actions: [],
    menu: { placeholder: 'Try one…', options },
  };
}
