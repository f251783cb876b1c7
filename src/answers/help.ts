/** /help: what the bot knows (counted from the fact base) and how to ask. */
import type { Fact, FactBase } from '../domain/types.ts';
import { lastPossibleDay } from '../knowledge/days.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, AnswerItem } from './answer.ts';
import { plural } from './cite.ts';
import { datedInterval, formatInterval } from './dates.ts';
import { COMMANDS, usageLine } from './query.ts';

interface Stats {
  readonly span?: string;
  readonly attacks: number;
}

/** Worked out once per fact base: it takes a pass over every fact. */
const statsCache = new WeakMap<FactBase, Stats>();

function stats(index: KnowledgeIndex): Stats {
  let found = statsCache.get(index.base);
  if (!found) {
    const first = index.timeline()[0];
    // The latest fact found by epoch days (the search layer's date arithmetic): a date-fns interval
    // for every fact would make the first /help after a load several times slower at 100,000 facts.
    let latest: Fact | undefined;
    let latestDay = -Infinity;
    let attacks = 0;
    for (const fact of index.base.facts) {
      const day = lastPossibleDay(fact);
      if (day > latestDay) {
        latest = fact;
        latestDay = day;
      }
      if (fact.kind === 'attack') attacks++;
    }
    found = { attacks, ...(first && latest ? { span: formatInterval({ start: datedInterval(first).start, end: datedInterval(latest).end }) } : {}) };
    statsCache.set(index.base, found);
  }
  return found;
}

export function answerHelp(index: KnowledgeIndex): Answer {
  const { base } = index;
  const patrols = index.knownPatrols();
  const { span, attacks } = stats(index);

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
