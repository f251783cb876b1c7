/**
 * The answers layer: a Target in, a platform-neutral Answer (a card) out. Pure functions of the
 * index: the Discord client, the HTTP endpoint and the terminal all call `answer` and `panel`, so
 * they say the same thing.
 */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer } from './answer.ts';
import { answerAttacks } from './attacks.ts';
import { answerEvent, answerFact } from './event.ts';
import { answerHelp } from './help.ts';
import { answerPanel, type PanelName } from './panels.ts';
import { answerPatrol } from './patrol.ts';
import type { Target } from './query.ts';
import { answerSearch } from './search.ts';
import { answerSource } from './source.ts';
import { answerTimeline } from './timeline.ts';
import { answerWhere } from './where.ts';

export function answer(index: KnowledgeIndex, target: Target): Answer {
  switch (target.command) {
    case 'patrol':
      return answerPatrol(index, target.number);
    case 'attacks':
      return answerAttacks(index, target.from, target.to);
    case 'where':
      return answerWhere(index, target.place);
    case 'search':
      return answerSearch(index, target.query);
    case 'timeline':
      return answerTimeline(index, target.from, target.to);
    case 'source':
      return answerSource(index, target.id);
    case 'help':
      return answerHelp(index);
    case 'event':
      return answerEvent(index, target.id);
    case 'fact':
      return answerFact(index, target.id);
  }
}

/** The quotes & sources panel or the disputes panel of the card for `target`. */
export function panel(index: KnowledgeIndex, target: Target, name: PanelName): Answer {
  return panelOf(index, answer(index, target), name);
}

/** The same panel of a card already worked out, as the terminal prints it under the card. */
export function panelOf(index: KnowledgeIndex, card: Answer, name: PanelName): Answer {
  return answerPanel(index.base, card, name);
}

export type { PanelName } from './panels.ts';
// bench/ takes these from here; everything else imports them from query.ts itself.
export type { CommandName, Target } from './query.ts';
export { buildQuery } from './query.ts';
