import type { DiscordErrorBody } from '../lib/errors.ts';
import { compileRoutePattern } from './route-pattern.ts';

// Injected failures: the next N requests matching a route answer with a chosen status (e.g. 500 on the
// interaction callback) or with a 429 rate limit carrying retry_after, before any route logic runs.

export interface InjectedResponse {
  status: number;
  body: DiscordErrorBody | undefined;
  headers: Record<string, string>;
}

interface Fault {
  method: string | null;
  pattern: RegExp;
  remaining: number;
  respond: () => InjectedResponse;
}

export class FaultInjector {
  private readonly faults: Fault[] = [];

  /** The next `times` requests matching `routePattern` get `status` (with a Discord-shaped body). */
  failNext(routePattern: string | RegExp, status: number, times = 1, body?: DiscordErrorBody): void {
    const { method, pattern } = compileRoutePattern(routePattern);
    const message = body ?? (status >= 500 ? { message: `${status}: Internal Server Error`, code: 0 } : { message: `${status}: Injected error`, code: 0 });
    this.faults.push({ method, pattern, remaining: times, respond: () => ({ status, body: message, headers: {} }) });
  }

  /**
   * The next `times` matching requests get 429 with `retry_after` (seconds, as in the body and the
   * Retry-After header). @discordjs/rest waits that long and retries by itself.
   */
  rateLimitNext(routePattern: string | RegExp, opts: { retryAfterMs?: number; global?: boolean; times?: number } = {}): void {
    const { method, pattern } = compileRoutePattern(routePattern);
    const retryAfter = (opts.retryAfterMs ?? 100) / 1000;
    const global = opts.global ?? false;
    this.faults.push({
      method,
      pattern,
      remaining: opts.times ?? 1,
      respond: () => ({
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      }),
    });
  }

  /** Consumes and returns the injected response for this request, if one is armed. */
  take(method: string, path: string): InjectedResponse | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.method === null || f.method === method) && f.pattern.test(path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault.respond();
  }

  /** Armed failures not yet used up (a test can assert they all fired). */
  get pending(): number {
    return this.faults.reduce((sum, f) => sum + f.remaining, 0);
  }
}
