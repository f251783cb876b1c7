/**
 * Finishing deferred replies through the interaction webhook. Discord does not count interaction
 * endpoints against a bot's global rate limit, and each interaction token is its own webhook, so
 * a burst of deferred answers must not wait in a queue of 50 a second behind one another.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFollowUps } from '../../src/transports/http/follow-up.ts';
import { capturedLog } from './harness.ts';

const APPLICATION_ID = '1100000000000000001';
/** More than the 50 a second that @discordjs/rest allows by default for routes under the global limit. */
const BURST = 60;

afterEach(() => {
  vi.useRealTimers();
});

describe('deferred replies', () => {
  it('sends a burst of follow-ups at once, not 50 a second as under the global rate limit', async () => {
    const held: ServerResponse[] = [];
    const paths = new Set<string>();
    let everyone!: () => void;
    const allArrived = new Promise<void>((resolve) => (everyone = resolve));
    const api = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        paths.add(req.url ?? '');
        held.push(res);
        if (held.length === BURST) everyone();
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      // The clock stands still (timers still run): a one-second global window would never reopen,
      // so anything held back by it never arrives, whatever the machine's speed.
      vi.useFakeTimers({ toFake: ['Date'] });
      const followUps = createFollowUps({ apiUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}/api`, log: capturedLog().log });
      const sent = Array.from({ length: BURST }, (_, i) =>
        followUps.finish({ applicationId: APPLICATION_ID, token: `token-${i}` }, Promise.resolve({ data: { content: `answer ${i}` } }), `${i}`),
      );
      const arrived = await Promise.race([allArrived.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 5_000))]);
      expect({ arrived, count: held.length }).toEqual({ arrived: true, count: BURST });
      expect(paths.size).toBe(BURST);

      for (const res of held) res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1600000000000000007","channel_id":"1500000000000000005","type":20}');
      expect(await Promise.all(sent)).toEqual(Array(BURST).fill(true));
      expect(await followUps.settle(1_000)).toBe(0);
    } finally {
      for (const res of held) if (!res.writableEnded) res.destroy();
      api.closeAllConnections();
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
  });
});
