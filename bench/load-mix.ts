/**
 * What the load test sends: signed interactions shaped like Discord's, in a mix of slash commands,
 * autocomplete and component presses. The presses come only from what the bot itself answered:
 * every enabled button or select menu found in a response goes into a pool (with the user it was
 * shown to) and is pressed later, so the mix follows whatever components the bot sends.
 */
import { randomBytes, sign, type KeyObject } from 'node:crypto';
import type { FactBase } from '../src/domain/types.ts';
import type { Random } from './prng.ts';

const APPLICATION_ID = '1100000000000000001';
const GUILD_ID = '1400000000000000004';
const CHANNEL_ID = '1500000000000000005';
/** Button and string select, the components a user can press. */
const BUTTON = 2;
const STRING_SELECT = 3;

export type RequestKind = 'command' | 'autocomplete' | 'component';

export interface SignedRequest {
  readonly kind: RequestKind;
  readonly body: string;
  readonly headers: Record<string, string>;
  /** Who asked: components in the answer are shown to (and pressable by) this user. */
  readonly userId: string;
}

interface Pressable {
  readonly customId: string;
  readonly componentType: number;
  readonly values?: readonly string[];
  readonly userId: string;
}

/** Interaction ids must be unique (the endpoint refuses a repeat as a replay): a counter from the start time. */
let sequence = BigInt(Date.now()) * 1_000_000n;
const nextId = () => String(++sequence);

export class LoadMix {
  readonly #pool: Pressable[] = [];
  readonly #commands: Array<() => { name: string; options: unknown[] }>;
  readonly #completions: Array<() => { name: string; options: unknown[] }>;

  constructor(
    private readonly key: KeyObject,
    private readonly random: Random,
    base: FactBase,
  ) {
    const pick = <T>(items: readonly T[]): T => random.pick(items);
    const places = base.places.flatMap((p) => [p.name, ...p.aliases]);
    const patrols = [...new Set(base.facts.flatMap((f) => f.patrols))];
    const words = base.facts.flatMap((f) => f.statement.split(/\W+/).filter((w) => w.length > 4)).slice(0, 2_000);
    const hide = () => (random.next() < 0.2 ? [{ name: 'hide', type: 5, value: true }] : []);
    this.#commands = [
      () => ({ name: 'patrol', options: [{ name: 'number', type: 4, value: pick(patrols) }, ...hide()] }),
      () => ({ name: 'patrol', options: [] }),
      () => ({ name: 'where', options: [{ name: 'place', type: 3, value: pick(places) }] }),
      () => ({ name: 'search', options: [{ name: 'query', type: 3, value: `${pick(words)} ${pick(words)}` }] }),
      () => ({ name: 'timeline', options: [] }),
      () => ({ name: 'attacks', options: [] }),
      () => ({ name: 'source', options: [{ name: 'id', type: 3, value: pick(base.sources).id }] }),
      () => ({ name: 'help', options: [] }),
    ];
    const prefix = (text: string) => text.slice(0, random.int(1, Math.max(1, text.length)));
    this.#completions = [
      () => ({ name: 'where', options: [{ name: 'place', type: 3, value: prefix(pick(places)), focused: true }] }),
      () => ({ name: 'search', options: [{ name: 'query', type: 3, value: prefix(pick(words)), focused: true }] }),
      () => ({ name: 'source', options: [{ name: 'id', type: 3, value: prefix(pick(base.sources).id), focused: true }] }),
    ];
  }

  /** The next request: half commands, a quarter autocomplete, a quarter presses (commands while the pool is empty). */
  next(): SignedRequest {
    const roll = this.random.next();
    if (roll < 0.25 && this.#pool.length > 0) return this.#press(this.random.pick(this.#pool));
    const userId = `12000000000000${this.random.int(10_000, 99_999)}`;
    if (roll < 0.5) {
      const { name, options } = this.random.pick(this.#completions)();
      return this.#signed('autocomplete', { ...this.#envelope(4, userId), data: { id: nextId(), name, type: 1, options } }, userId);
    }
    const { name, options } = this.random.pick(this.#commands)();
    return this.#signed('command', { ...this.#envelope(2, userId), data: { id: nextId(), name, type: 1, options } }, userId);
  }

  /** Remember every enabled component in an answer, to press it later as the user it was shown to. */
  harvest(response: unknown, userId: string): void {
    for (const component of componentsIn(response)) {
      if (component.disabled === true || typeof component.custom_id !== 'string') continue;
      if (component.type === BUTTON) this.#remember({ customId: component.custom_id, componentType: BUTTON, userId });
      if (component.type === STRING_SELECT && Array.isArray(component.options) && component.options.length > 0) {
        const option = this.random.pick(component.options as unknown[]) as { value?: unknown };
        if (typeof option.value === 'string') this.#remember({ customId: component.custom_id, componentType: STRING_SELECT, values: [option.value], userId });
      }
    }
  }

  get poolSize(): number {
    return this.#pool.length;
  }

  #remember(pressable: Pressable): void {
    // A bounded pool: new components replace random old ones once it is full.
    if (this.#pool.length < 500) this.#pool.push(pressable);
    else this.#pool[this.random.int(0, this.#pool.length - 1)] = pressable;
  }

  #press(target: Pressable): SignedRequest {
    const data = { custom_id: target.customId, component_type: target.componentType, ...(target.values && { values: target.values }) };
    const message = { id: nextId(), channel_id: CHANNEL_ID, content: '', embeds: [], components: [] };
    return this.#signed('component', { ...this.#envelope(3, target.userId), message, data }, target.userId);
  }

  #envelope(type: number, userId: string) {
    const user = { id: userId, username: `load${userId.slice(-5)}`, discriminator: '0', global_name: null, avatar: null };
    return {
      id: nextId(),
      application_id: APPLICATION_ID,
      type,
      token: randomBytes(48).toString('base64url'),
      version: 1,
      app_permissions: '0',
      locale: 'en-GB',
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      member: { user, roles: [], permissions: '0', joined_at: '2020-03-05T00:00:00.000Z' },
    };
  }

  #signed(kind: RequestKind, payload: unknown, userId: string): SignedRequest {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), this.key).toString('hex');
    return {
      kind,
      body,
      userId,
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    };
  }
}

type Component = { type?: unknown; custom_id?: unknown; disabled?: unknown; options?: unknown; components?: unknown };

/** Every object with a component type anywhere under `value` (rows, containers, sections, accessories). */
function componentsIn(value: unknown, found: Component[] = [], depth = 0): Component[] {
  if (depth > 12 || typeof value !== 'object' || value === null) return found;
  if (Array.isArray(value)) {
    for (const item of value) componentsIn(item, found, depth + 1);
    return found;
  }
  const object = value as Component & Record<string, unknown>;
  if (typeof object.type === 'number' && 'custom_id' in object) found.push(object);
  for (const child of Object.values(object)) if (typeof child === 'object') componentsIn(child, found, depth + 1);
  return found;
}
