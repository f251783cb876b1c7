/**
 * A stand-in for Discord's webhook API, enough for deferred replies: it records every request to
 * `/api/v10/webhooks/...` and answers like Discord does (the edited message as JSON).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
}

export class WebhookCatcher {
  readonly requests: CaughtRequest[] = [];
  #server: Server;
  #waiters: Array<() => void> = [];
  #failures: Array<{ status: number; body: unknown }> = [];

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const caught: CaughtRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
        this.requests.push(caught);
        const failure = this.#failures.shift();
        const message = { id: '1600000000000000007', channel_id: '1500000000000000005', type: 20, ...caught.body };
        res.writeHead(failure?.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(failure?.body ?? message));
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  /** Answer the next request with an error, as Discord does for an expired or unknown token. */
  failNext(status: number, body: unknown): void {
    this.#failures.push({ status, body });
  }

  /** The `n`th request (1-based) once it has arrived. */
  async request(n: number): Promise<CaughtRequest> {
    while (this.requests.length < n) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.requests[n - 1]!;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
