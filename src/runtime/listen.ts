/**
 * Starting and stopping the project's own HTTP servers (the interactions endpoint, the gateway
 * bot's metrics port and the preview page) the same way.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listen on `host:port` (port 0: any free one); resolves with the base URL, e.g. `http://127.0.0.1:3000` or `http://[::1]:4000`. */
export function listenOn(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { address, family, port: bound } = server.address() as AddressInfo;
      resolve(`http://${family === 'IPv6' ? `[${address}]` : address}:${bound}`);
    });
  });
}

/** Stop listening and drop every connection at once, idle or not (nothing to finish: see the HTTP endpoint's close for that). */
export function closeNow(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
