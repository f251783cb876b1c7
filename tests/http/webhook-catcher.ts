/**
 * A stand-in for Discord's webhook API, enough for deferred replies: it records every request to
 * `/api/v10/webhooks/...`, JSON or multipart (`payload_json` and `files[n]`, as Discord takes an
 * upload), and answers like Discord does (the edited message as JSON).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtFile {
  /** The form field: `files[0]`, … */
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface CaughtRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The JSON body, or a multipart request's payload_json. */
  readonly body: any;
  readonly files: readonly CaughtFile[];
}

async function readBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: CaughtFile[] }> {
  if (!contentType.startsWith('multipart/form-data')) return { body: raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined, files: [] };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const files: CaughtFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
    } else {
      files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { body, files };
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
      req.on('end', async () => {
        const { body, files } = await readBody(Buffer.concat(chunks), req.headers['content-type'] ?? '');
        const caught: CaughtRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, files };
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
