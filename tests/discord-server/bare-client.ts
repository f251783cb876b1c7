import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { afterEach } from 'vitest';
import { startDiscordServer, type DiscordServer, type DiscordServerOptions } from './server.ts';

// A plain discord.js Client (not the project's bot) logged in to the test server: what the tests in
// this folder use to prove the server speaks Discord well enough for the real library.

export const DEFAULT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

/** Logs a bare client in and resolves once discord.js emitted `clientReady`. */
export async function loginBareClient(
  server: DiscordServer,
  options: Partial<ClientOptions> = {},
  timeoutMs = 5_000,
): Promise<Client> {
  const client = new Client({ intents: DEFAULT_INTENTS, ...options, rest: { api: server.apiUrl, ...options.rest } });
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new Error(`client not ready after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await client.login(server.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/**
 * Per-test server and bare client, torn down after every test of the calling file. Call it once at
 * the top level of a test file: it registers the `afterEach` there, so a test that fails half-way
 * (say, a login that never gets ready) still leaves no socket or timer open for the next test.
 */
export function useServerAndClient(): {
  /** Starts a server and logs a bare client in to it; both are closed after the test. */
  start(serverOptions?: DiscordServerOptions, clientOptions?: Partial<ClientOptions>): Promise<[DiscordServer, Client]>;
  /** Starts a server only (closed after the test), for tests that log in or connect by other means. */
  startServer(serverOptions?: DiscordServerOptions): Promise<DiscordServer>;
} {
  let server: DiscordServer | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    const [started, loggedIn] = [server, client];
    client = undefined;
    server = undefined;
    try {
      await loggedIn?.destroy();
    } finally {
      await started?.close();
    }
    // A route that threw answered 500 (which @discordjs/rest may retry through): a bug in the test server.
    const bugs = started?.rest.internalErrors ?? [];
    if (bugs.length > 0) throw new Error(`the test server failed internally: ${bugs.map(String).join('; ')}`);
  });

  async function startServer(serverOptions: DiscordServerOptions = {}): Promise<DiscordServer> {
    server = await startDiscordServer(serverOptions);
    return server;
  }

  async function start(
    serverOptions: DiscordServerOptions = {},
    clientOptions: Partial<ClientOptions> = {},
  ): Promise<[DiscordServer, Client]> {
    const started = await startServer(serverOptions);
    client = await loginBareClient(started, clientOptions);
    return [started, client];
  }

  return { start, startServer };
}

/** A promise with its resolve function, for handing values from client handlers to the test. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Settles with the rejection reason of `promise` (fails if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
