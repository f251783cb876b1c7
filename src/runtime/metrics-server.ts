/**
 * GET /metrics on a port of its own, for the gateway bot, which has no HTTP server otherwise
 * (`npm run serve` answers /metrics on its own port). Nothing else is served here.
 */
import { createServer } from 'node:http';
import { closeNow, listenOn } from './listen.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveMetrics(metrics: Metrics, port: number, host: string, log: Logger): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    if (req.method !== 'GET') return void res.writeHead(405, { allow: 'GET' }).end();
    metrics.render().then(
      ({ contentType, body }) => res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
      (err: unknown) => {
        log.error({ err }, 'could not render the metrics');
        res.writeHead(500).end();
      },
    );
  });
  const url = await listenOn(server, port, host);
  return { url: `${url}/metrics`, close: () => closeNow(server) };
}
