// Paths with parameters, as routes declare them and as tests name them: `/channels/:channel/messages`.

/**
 * A path with `:param` segments (each matches and captures one segment) and `*` (matches the rest) as
 * an anchored regex, with the parameter names in capture order.
 */
export function pathRegex(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

/**
 * Route patterns look like `POST /interactions/:id/:token/callback` (method optional). Paths are
 * those after `/api/v10`.
 */
export function compileRoutePattern(routePattern: string | RegExp): { method: string | null; pattern: RegExp } {
  if (routePattern instanceof RegExp) return { method: null, pattern: routePattern };
  const match = /^(?:(GET|POST|PUT|PATCH|DELETE)\s+)?(\/.*)$/i.exec(routePattern.trim());
  if (!match) throw new Error(`Route pattern must look like "POST /channels/:id/messages", got "${routePattern}"`);
  return { method: match[1]?.toUpperCase() ?? null, pattern: pathRegex(match[2]!).regex };
}
