/**
 * "Changed since the last good version": the payload of every card the lists can open, and of the
 * quotes and disputes panels its buttons open, taken for one version and compared with the next.
 * The real fact base makes some 35 cards and 90 payloads: a tenth of a second or so, once per reload
 * (each picture is drawn once per version and range, and kept by the render layer).
 */
import { createHash } from 'node:crypto';
import { answer } from '../../answers/index.ts';
import { cardMessage, panelMessage } from '../../interactions/answer-reply.ts';
import type { MessageData, Reply } from '../../interactions/types.ts';
import { decodePress, decodeTarget } from '../../render/custom-ids.ts';
import type { KnowledgeIndex } from '../../search/types.ts';
import { cardLists, everyCard, type CardLink, type CardLists } from './cards.ts';
import { eachComponent } from './components.ts';

export type CardPart = 'card' | 'quotes' | 'disputes';

/** One card in one version: its payloads as JSON, by part. */
interface Print {
  readonly link: CardLink;
  readonly parts: ReadonlyMap<CardPart, string>;
}

export type Snapshot = ReadonlyMap<string, Print>;

export interface ChangedCard {
  readonly label: string;
  /** The card to open (absent for a card the new version no longer has). */
  readonly target?: string;
  readonly status: 'changed' | 'added' | 'removed';
  /** What changed: the card itself, its quotes & sources panel, its disputes panel. */
  readonly parts: readonly CardPart[];
}

/** Every card of `lists` (the index's own unless given) as `index` answers it now. */
export function snapshot(index: KnowledgeIndex, lists: CardLists = cardLists(index)): Snapshot {
  const out = new Map<string, Print>();
  for (const link of everyCard(lists)) {
    const target = decodeTarget(link.target);
    if (!target.ok) continue;
    // Answered once: the card's message and its panels are all drawn from the same answer.
    const answered = answer(index, target.value);
    const card = cardMessage(index, answered, { ephemeral: false });
    const parts = new Map<CardPart, string>([['card', print(card)]]);
    for (const panel of panelsOf(card.data)) parts.set(panel, print(panelMessage(index, answered, panel)));
    out.set(link.target, { link, parts });
  }
  return out;
}

/**
 * A reply as compared: its JSON, with each picture's name (which names the fact base version, so it
 * changes with every edit) replaced by what the picture is, a hash of its bytes.
 */
function print(reply: Reply): string {
  let text = JSON.stringify(reply.data);
  for (const file of reply.files ?? []) text = text.replaceAll(file.name, `picture ${createHash('sha256').update(file.data).digest('hex')}`);
  return text;
}

/** The panels a card's buttons open (only those: a card without disputes has no disputes button). */
function panelsOf(message: MessageData): Set<'quotes' | 'disputes'> {
  const panels = new Set<'quotes' | 'disputes'>();
  for (const c of eachComponent(message)) {
    const pressed = 'custom_id' in c && typeof c.custom_id === 'string' ? decodePress(c.custom_id) : null;
    if (pressed?.ok && pressed.value.action !== 'open') panels.add(pressed.value.action);
  }
  return panels;
}

/** The cards whose payload differs between two versions, in the order of the lists. */
export function changedCards(before: Snapshot, after: Snapshot): ChangedCard[] {
  const out: ChangedCard[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) {
      out.push({ label: now.link.label, target: key, status: 'added', parts: [...now.parts.keys()] });
      continue;
    }
    const parts = [...new Set([...now.parts.keys(), ...was.parts.keys()])].filter((part) => now.parts.get(part) !== was.parts.get(part));
    if (parts.length > 0) out.push({ label: now.link.label, target: key, status: 'changed', parts });
  }
  for (const [key, was] of before) if (!after.has(key)) out.push({ label: was.link.label, status: 'removed', parts: [...was.parts.keys()] });
  return out;
}
