/**
 * A card for the terminal, followed by what its buttons would open: the quotes & sources panel and,
 * when the sources disagree, the disputes panel. A terminal cannot press, so it gets everything.
 */
import type { Target } from '../../answers/query.ts';
import { answer, panelOf } from '../../answers/index.ts';
import { renderTerminal, type TerminalOptions } from '../../render/terminal.ts';
import type { KnowledgeIndex } from '../../search/types.ts';

export function terminalAnswer(index: KnowledgeIndex, target: Target, options: TerminalOptions = {}): string {
  const card = answer(index, target);
  const parts = [renderTerminal(card, options)];
  // The card's own panels, from the card already worked out rather than from its target again.
  for (const action of card.actions) {
    if (action.kind === 'panel') parts.push(renderTerminal(panelOf(index, card, action.panel), options));
  }
  return parts.join('\n\n');
}
