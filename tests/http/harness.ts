/**
 * Running the endpoint in a test: a server on a free port with the test key, a webhook catcher
 * standing in for Discord's API, a signed client, and the log lines kept for assertions.
 */
import { Writable } from 'node:stream';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { createLogger, type Logger } from '../../src/runtime/logger.ts';
import type { ReloadOutcome } from '../../src/runtime/knowledge-store.ts';
import { createInteractionServer, type InteractionServer, type InteractionServerOptions, type KnowledgeSource } from '../../src/transports/http/server.ts';
import { SignedClient, testKeys, type TestKeys } from './signed-client.ts';
import { WebhookCatcher } from './webhook-catcher.ts';

export interface CapturedLog {
  readonly log: Logger;
  readonly lines: () => Array<Record<string, unknown>>;
  readonly text: () => string;
}

export function capturedLog(): CapturedLog {
  let text = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  return {
    log,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export interface Endpoint {
  readonly server: InteractionServer;
  readonly client: SignedClient;
  readonly url: string;
}

export interface Harness {
  readonly keys: TestKeys;
  readonly catcher: WebhookCatcher;
  readonly logs: CapturedLog;
  /** Start one more server instance (a replica) sharing the key, the API and the log. */
  endpoint(store: KnowledgeSource, extra?: Partial<InteractionServerOptions>): Promise<Endpoint>;
  stop(): Promise<void>;
}

export async function startHarness(clock: () => number = Date.now): Promise<Harness> {
  const keys = testKeys();
  const catcher = new WebhookCatcher();
  const apiUrl = await catcher.start();
  const logs = capturedLog();
  const servers: InteractionServer[] = [];
  return {
    keys,
    catcher,
    logs,
    async endpoint(store, extra = {}) {
      const server = createInteractionServer({ publicKey: keys.publicKeyHex, store, log: logs.log, apiUrl, now: clock, ...extra });
      servers.push(server);
      const url = await server.listen(0, '127.0.0.1');
      return { server, url, client: new SignedClient(url, keys, clock) };
    },
    async stop() {
      await Promise.all(servers.map((s) => s.close()));
      await catcher.stop();
    },
  };
}

/** A store that has no fact base yet, and never will: for tests that must not reach any answer. */
export const emptyStore: KnowledgeSource = {
  current: null,
  ready: () => new Promise<KnowledgeIndex>(() => {}),
  reload: async (): Promise<ReloadOutcome> => ({ ok: false, issues: ['not in this test'], keptVersion: null }),
};

/**
 * A store whose first load is "still running" until the test opens it: a real loaded store
 * behind a gate, so a command can be caught in the window before the fact base is ready.
 */
export function gatedStore(real: KnowledgeSource): KnowledgeSource & { open(): void } {
  let opened = false;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    get current() {
      return opened ? real.current : null;
    },
    async ready() {
      await gate;
      return real.ready();
    },
    reload: () => real.reload(),
    open() {
      opened = true;
      release();
    },
  };
}
