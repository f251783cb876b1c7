/** /help: what the bot knows (counted from the fact base) and how to ask. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, AnswerItem } from './answer.ts';
import { plural } from './cite.ts';
import { datedInterval, formatInterval } from './dates.ts';
import { COMMANDS, usageLine } from './query.ts';

export function answerHelp(index: KnowledgeIndex): Answer {
  const { base } = index;
  const patrols = index.knownPatrols();
  const timeline = index.timeline();
  const first = timeline[0];
  const last = timeline.reduce<number>((max, f) => Math.max(max, datedInterval(f).end.getTime()), -Infinity);
  const span = first ? formatInterval({ start: datedInterval(first).start, end: new Date(last) }) : undefined;
  const attacks = base.facts.filter((f) => f.kind === 'attack').length;

  const items: AnswerItem[] = [
    { kind: 'heading', text: 'What I know' },
    {
      kind: 'detail',
      label: 'Fact base',
      value: [
        `${plural(base.facts.length, 'fact')} from ${plural(base.sources.length, 'source')}, ` +
          `${plural(base.places.length, 'place')}, ${plural(base.claimants.length, 'claimant')} and ` +
          `${plural(base.disputes.length, 'recorded disagreement')} between sources.`,
      ],
      note: 'Every fact is quoted verbatim from its source and cited; where sources differ, both claims are shown.',
    },
  ];
  if (span) items.push({ kind: 'detail', label: 'Dates covered', value: [span] });
  if (patrols.length > 0) items.push({ kind: 'detail', label: 'Known patrols', value: [patrols.join(', ')] });
  if (attacks > 0) items.push({ kind: 'detail', label: 'Attacks recorded', value: [String(attacks)] });
  items.push({ kind: 'heading', text: 'How to ask' });
  for (const command of COMMANDS) {
    items.push({
      kind: 'detail',
      label: usageLine(command.name),
      value: [command.description],
      note: `e.g. ${command.examples.join(' · ')}`,
    });
  }
  return {
    command: 'help',
    kind: 'ok',
    title: 'M4 joint patrols: what I know and how to ask',
    notice: [
      'I answer questions about the 2020 Russian-Turkish joint patrols on Syria’s M4 highway, only from a curated, sourced fact base.',
    ],
    hint: ['Dates accept 2020-07-01, 2020-07 or July 2020.'],
    items,
  };
}
