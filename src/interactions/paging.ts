/**
 * Previous/Next buttons for long answers. All paging state travels in the button's custom id (who
 * asked, when the buttons expire, which command with which options, which page), never in process
 * memory: any replica of the HTTP endpoint, or a restarted gateway process, can turn the page.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

/** Discord's limit on a custom id. */
export const CUSTOM_ID_MAX = 100;
/** Buttons stop working after this long (below the 15-minute life of an interaction token, so the
 * gateway transport can still edit the message to remove them). */
export const PAGE_BUTTON_LIFETIME_MS = 10 * 60 * 1000;

const PREFIX = 'pg';

export interface PageState {
  readonly page: number;
  readonly userId: string;
  readonly expiresAt: number;
  readonly command: string;
  readonly options: Readonly<Record<string, string>>;
}

function encodeOptions(options: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))).toString();
}

/** The custom id for `state`, or null when the options cannot fit in 100 characters. */
export function encodePageId(state: PageState): string | null {
  const head = [PREFIX, state.page.toString(36), state.userId, Math.floor(state.expiresAt / 1000).toString(36), state.command].join(';');
  const id = `${head};${encodeOptions(state.options)}`;
  return id.length <= CUSTOM_ID_MAX ? id : null;
}

export function decodePageId(customId: string): PageState | null {
  const parts = customId.split(';');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [, page36, userId, expires36, command, query] = parts as [string, string, string, string, string, string];
  const page = Number.parseInt(page36, 36);
  const expiresSeconds = Number.parseInt(expires36, 36);
  if (!Number.isSafeInteger(page) || page < 0 || !/^\d{1,20}$/.test(userId) || !Number.isSafeInteger(expiresSeconds)) return null;
  if (!/^[a-z-]{1,32}$/.test(command)) return null;
  return { page, userId, expiresAt: expiresSeconds * 1000, command, options: Object.fromEntries(new URLSearchParams(query)) };
}

/**
 * Shorten free-text options until the custom id fits. Only free text is shortened (a search
 * query loses its last words), so the page a button leads to is the same answer as long as the
 * query's first words carry it. Returns null if even that cannot fit.
 */
export function fitPageState(state: PageState): PageState | null {
  if (encodePageId(state) !== null) return state;
  const options = { ...state.options };
  const longest = () => Object.entries(options).sort(([, a], [, b]) => b.length - a.length)[0];
  for (let guard = 0; guard < 200; guard++) {
    const entry = longest();
    if (!entry || entry[1].length === 0) return null;
    const [key, value] = entry;
    const words = value.split(/\s+/);
    options[key] = words.length > 1 ? words.slice(0, -1).join(' ') : value.slice(0, Math.floor(value.length / 2));
    const candidate = { ...state, options };
    if (encodePageId(candidate) !== null) return candidate;
  }
  return null;
}

/** The row under a paged answer: Previous, a "Page n of m" label, Next. A button that cannot be
 * pressed gets a fixed id: custom ids only need to be unique within one message. */
export function pageButtons(state: PageState, pageCount: number, disabled = false): APIActionRowComponent<APIButtonComponent> {
  const button = (label: string, emoji: string, target: number, offId: string): APIButtonComponent => {
    const off = disabled || target < 0 || target >= pageCount;
    return {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label,
      emoji: { name: emoji },
      custom_id: off ? offId : encodePageId({ ...state, page: target })!,
      disabled: off,
    };
  };
  return {
    type: ComponentType.ActionRow,
    components: [
      button('Previous', '◀️', state.page - 1, 'pg-prev-off'),
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: `Page ${state.page + 1} of ${pageCount}`, custom_id: 'pg-label', disabled: true },
      button('Next', '▶️', state.page + 1, 'pg-next-off'),
    ],
  };
}
