/**
 * The answers layer: a Query in, a platform-neutral Answer out. Pure functions of the index: the
 * Discord client, the HTTP endpoint and the terminal all call `answer`, so they say the same thing.
 */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer } from './answer.ts';
import { answerAttacks } from './attacks.ts';
import { answerHelp } from './help.ts';
import { answerPatrol } from './patrol.ts';
import type { Query } from './query.ts';
import { answerSearch } from './search.ts';
import { answerSource } from './source.ts';
import { answerTimeline } from './timeline.ts';
import { answerWhere } from './where.ts';

export function answer(index: KnowledgeIndex, query: Query): Answer {
  switch (query.command) {
    case 'patrol':
      return answerPatrol(index, query.number);
    case 'attacks':
      return answerAttacks(index, query.from, query.to);
    case 'where':
      return answerWhere(index, query.place);
    case 'search':
      return answerSearch(index, query.query);
    case 'timeline':
      return answerTimeline(index, query.from, query.to);
    case 'source':
      return answerSource(index, query.id);
    case 'help':
      return answerHelp(index);
  }
}

// bench/ takes these from here; everything else imports them from query.ts itself.
export type { CommandName } from './query.ts';
export { buildQuery } from './query.ts';
