/**
 * What a button or a select option carries: an action and the card it acts on, never who asked or
 * when. Any member may press, nothing expires, and any replica of the HTTP endpoint (or a restarted
 * gateway process) can answer a press, because the card is worked out again from its target.
 *
 *   o:patrol:number=22        open the card of /patrol 22
 *   q:search:query=ied        the quotes & sources panel of /search ied
 *   d:attacks:                the disputes panel of /attacks
 *
 * A select menu's custom id is MENU_ID; each of its options' values is a target, `patrol:number=22`.
 */
import { buildTarget, targetOptions, type Target } from '../answers/query.ts';
import { V2_LIMITS } from './limits.ts';

export type PressAction = 'open' | 'quotes' | 'disputes';
export interface Press {
  readonly action: PressAction;
  readonly target: Target;
}

const CODES: Record<PressAction, string> = { open: 'o', quotes: 'q', disputes: 'd' };
const ACTIONS = new Map(Object.entries(CODES).map(([action, code]) => [code, action as PressAction]));

/** The custom id of every card's select menu (one per message): the option chosen carries the target. */
export const MENU_ID = 'o:menu';

/** Options that are free text: the ones shortened, word by word, when a target does not fit. */
const FREE_TEXT = ['query', 'place'] as const;

function targetText(target: Target): string {
  const options = Object.entries(targetOptions(target)).sort(([a], [b]) => (a < b ? -1 : 1));
  return `${target.command}:${new URLSearchParams(options).toString()}`;
}

/**
 * The target, shortened until `wrap(text)` fits in 100 characters: only free text loses its last
 * words, so a search button leads to the search its first words make. Null if even that cannot fit.
 */
function fitted(target: Target, wrap: (text: string) => string): string | null {
  let current = target;
  for (let guard = 0; guard < 200; guard++) {
    const text = wrap(targetText(current));
    if (text.length <= V2_LIMITS.customId) return text;
    const key = FREE_TEXT.find((k) => k in current && typeof (current as Record<string, unknown>)[k] === 'string');
    if (!key) return null;
    const value = (current as Record<string, string>)[key]!;
    const words = value.split(' ');
    const shorter = words.length > 1 ? words.slice(0, -1).join(' ') : [...value].slice(0, Math.floor([...value].length / 2)).join('');
    if (shorter === '' || shorter === value) return null;
    current = { ...current, [key]: shorter } as Target;
  }
  return null;
}

export function encodePress(press: Press): string | null {
  return fitted(press.target, (text) => `${CODES[press.action]}:${text}`);
}

/** A select option's value: the target alone. */
export function encodeTarget(target: Target): string | null {
  return fitted(target, (text) => text);
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: 'old' | 'unknown' | 'invalid'; readonly message?: string };

export function decodeTarget(text: string): Decoded<Target> {
  const colon = text.indexOf(':');
  if (colon < 1 || text.length > V2_LIMITS.customId) return { ok: false, reason: 'unknown' };
  const name = text.slice(0, colon);
  if (!/^[a-z-]{1,32}$/.test(name)) return { ok: false, reason: 'unknown' };
  const values = Object.fromEntries(new URLSearchParams(text.slice(colon + 1)));
  const built = buildTarget(name, values);
  return built.ok ? { ok: true, value: built.target } : { ok: false, reason: 'invalid', message: built.message };
}

/** A custom id back to its press; `old` for the paging buttons of earlier versions of the bot. */
export function decodePress(customId: string): Decoded<Press> {
  if (customId.startsWith('pg;') || customId.startsWith('pg-')) return { ok: false, reason: 'old' };
  const action = ACTIONS.get(customId.slice(0, 1));
  if (!action || customId[1] !== ':') return { ok: false, reason: 'unknown' };
  const target = decodeTarget(customId.slice(2));
  return target.ok ? { ok: true, value: { action, target: target.value } } : target;
}
