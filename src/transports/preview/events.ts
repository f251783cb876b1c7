/**
 * Server-Sent Events: every open page gets the preview's status as soon as it connects and again
 * whenever it changes, so a saved knowledge file shows on the page without a reload. A comment
 * every so often keeps idle connections from being dropped and finds the ones that went away.
 */
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 25_000;

export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat = setInterval(() => this.#write(': ping\n\n'), HEARTBEAT_MS).unref();

  /** Take over a response as an event stream, starting with `first`. */
  add(res: ServerResponse, headers: Record<string, string>, event: string, first: unknown): void {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // Reconnect quickly after the server restarts: a maintainer's page should come back by itself.
    res.write(`retry: 1000\n\n${frame(event, first)}`);
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  send(event: string, data: unknown): void {
    this.#write(frame(event, data));
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(text: string): void {
    for (const res of this.#clients) res.write(text);
  }
}

/** JSON never holds a raw line break, so one `data:` line carries it whole. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
