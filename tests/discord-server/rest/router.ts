import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DiscordErrors, DiscordHttpError } from '../lib/errors.ts';
import type { UploadedFile } from '../model/messages.ts';
import { InvalidFormBodyError, type FormIssue } from '../validate/form-errors.ts';
import { FaultInjector } from './faults.ts';
import { readBody } from './request.ts';
import { compileRoutePattern, pathRegex } from './route-pattern.ts';

// The REST half: `/api/v10/...` routes with Discord's authentication rule (bot token, except for the
// interaction callback and webhook routes which are authenticated by their token), Discord-shaped
// errors, fault injection, and a log of every request and response for assertions.

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  headers: IncomingHttpHeaders;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Runs once the response has been sent: bookkeeping that tests await goes here, so that by the
   *  time a test sees it, the request log already holds the answered request. */
  after?: () => void;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after /api/v10 with `:params`, e.g. `/channels/:channel/messages`. */
  path: string;
  /** `bot`: needs `Authorization: Bot <token>`; `none`: interaction/webhook token routes. */
  auth: 'bot' | 'none';
  handle: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

export interface RecordedRequest {
  id: number;
  at: number;
  method: string;
  /** Path after /api/v10, without the query string. */
  path: string;
  /** The matched route, e.g. `POST /interactions/:id/:token/callback`, or null for unknown routes. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  files: UploadedFile[];
  status: number;
  response: unknown;
  /** Validation problems when the answer was 400 / 50035. */
  issues: FormIssue[];
  /** Answered by failNext/rateLimitNext rather than the route. */
  injected: boolean;
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

const API_PREFIX = /^\/api(?:\/v(\d+))?(\/.*)$/;

export class RestRouter {
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultInjector();
  /** Exceptions thrown by route code: bugs in this test server, surfaced instead of swallowed. */
  readonly internalErrors: unknown[] = [];
  private readonly routes: CompiledRoute[];
  private nextId = 1;

  constructor(
    routes: Route[],
    private readonly token: string,
    /** Called with every request once it has been answered (also injected faults and errors). */
    private readonly onAnswered: (record: RecordedRequest) => void = () => {},
  ) {
    this.routes = routes.map((route) => ({ ...route, ...pathRegex(route.path) }));
  }

  /** Recorded requests whose method and path match a pattern like `PUT /applications/:app/commands`. */
  find(routePattern: string | RegExp): RecordedRequest[] {
    const { method, pattern } = compileRoutePattern(routePattern);
    return this.requests.filter((r) => (method === null || r.method === method) && pattern.test(r.path));
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    const prefix = API_PREFIX.exec(url.pathname);
    // Segments are decoded (discord.js sends `@original` as `%40original`) so patterns read naturally.
    const path = decodePath(prefix ? prefix[2]! : url.pathname);
    const record: RecordedRequest = {
      id: this.nextId++,
      at: Date.now(),
      method,
      path,
      route: null,
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      issues: [],
      injected: false,
    };
    let status = 500;
    let body: unknown;
    let headers: Record<string, string> = {};
    let after: (() => void) | undefined;
    try {
      const parsed = await readBody(request);
      record.body = parsed.body;
      record.files = parsed.files;
      const matched = prefix && (prefix[1] === undefined || prefix[1] === '10' || prefix[1] === '9') ? this.match(method, path) : null;
      if (matched?.route) {
        record.route = `${matched.route.method} ${matched.route.path}`;
        record.params = matched.params;
      }
      this.requests.push(record);
      const injected = this.faults.take(method, path);
      if (injected) {
        record.injected = true;
        status = injected.status;
        body = injected.body;
        headers = injected.headers;
      } else if (!matched) {
        throw DiscordErrors.unknownRoute();
      } else if (!matched.route) {
        throw DiscordErrors.methodNotAllowed();
      } else {
        if (matched.route.auth === 'bot' && request.headers.authorization !== `Bot ${this.token}`) {
          throw DiscordErrors.unauthorized();
        }
        const result = await matched.route.handle({
          method,
          path,
          params: matched.params,
          query: url.searchParams,
          body: parsed.body,
          files: parsed.files,
          headers: request.headers,
        });
        status = result.status ?? (result.body === undefined ? 204 : 200);
        body = result.body;
        after = result.after;
      }
    } catch (error) {
      if (!this.requests.includes(record)) this.requests.push(record);
      if (error instanceof DiscordHttpError) {
        status = error.status;
        body = error.body;
        headers = error.headers;
        if (error instanceof InvalidFormBodyError) record.issues = [...error.issues];
      } else {
        this.internalErrors.push(error);
        status = 500;
        body = { message: `500: Internal Server Error (test server bug: ${String(error)})`, code: 0 };
      }
    }
    record.status = status;
    record.response = body;
    const text = body === undefined || status === 204 ? '' : JSON.stringify(body);
    response.writeHead(status, {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...headers,
    });
    response.end(text);
    after?.();
    this.onAnswered(record);
  }

  /** null: no route has this path; {route: undefined}: the path exists for another method. */
  private match(method: string, path: string): { route: CompiledRoute | undefined; params: Record<string, string> } | null {
    let pathExists = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathExists = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = m[i + 1]!;
      });
      return { route, params };
    }
    return pathExists ? { route: undefined, params: {} } : null;
  }
}
