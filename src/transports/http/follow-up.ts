/**
 * Finishing deferred replies. The HTTP response acknowledged the interaction ("thinking…"); the
 * answer goes later to the interaction's webhook, `PATCH /webhooks/{application}/{token}/messages/@original`,
 * as JSON, or as multipart (`payload_json` and `files[n]`) when it uploads a picture.
 * The interaction token is the credential, so no bot token is needed or sent (`auth: false`).
 */
import { REST, Routes } from 'discord.js';
import { failureNotice } from '../../interactions/dispatch.ts';
import type { Reply } from '../../interactions/types.ts';
import { redactSecrets, type Logger } from '../../runtime/logger.ts';
import type { FollowUpTarget } from './incoming.ts';
import { followUpBody } from './response.ts';

export interface FollowUps {
  /** Send `reply` to the deferred reply once it resolves; resolves with whether it was sent (failures are logged, never thrown). */
  finish(target: FollowUpTarget, reply: Promise<Reply>, interactionId: string): Promise<boolean>;
  /** Wait for the pending follow-ups, at most `graceMs`; resolves with how many were abandoned. */
  settle(graceMs: number): Promise<number>;
}

export function createFollowUps(options: { readonly apiUrl: string; readonly log: Logger }): FollowUps {
  const { log } = options;
  // REST queues per route and honours Discord's rate limits and retry-after; its sweep timers are unref'd.
  // Each interaction token is its own webhook, and Discord does not count interaction endpoints
  // against the bot's global limit; REST would still hold every follow-up to its default 50 a
  // second (a burst of /timeline answers measured at 50/s in the load test), so this instance,
  // which sends nothing else, has no global cap. Per-webhook limits and 429s are still honoured.
  const rest = new REST({ api: options.apiUrl, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  const inFlight = new Set<Promise<boolean>>();

  async function deliver(target: FollowUpTarget, reply: Promise<Reply>, interactionId: string): Promise<boolean> {
    // The dispatcher's boundary covers deferred work; this one is for a handler given in its place.
    const { data, files = [] } = await reply.catch((err: unknown): Reply => ({ data: failureNotice(log, err, { interactionId }, 'deferred answer failed') }));
    try {
      // With files, REST sends multipart: the body as payload_json, each file as files[i].
      await rest.patch(Routes.webhookMessage(target.applicationId, target.token), {
        body: followUpBody(data),
        ...(files.length > 0 && { files: files.map((f) => ({ name: f.name, data: f.data })) }),
        auth: false,
      });
      log.debug({ interactionId }, 'deferred reply completed');
      return true;
    } catch (err) {
      log.error({ failure: sendFailure(err, target.token), interactionId }, 'could not complete the deferred reply');
      return false;
    }
  }

  return {
    finish(target, reply, interactionId) {
      const task = deliver(target, reply, interactionId).finally(() => inFlight.delete(task));
      inFlight.add(task);
      return task;
    },
    async settle(graceMs) {
      if (inFlight.size === 0) return 0;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), graceMs);
      });
      const all = Promise.allSettled([...inFlight]).then(() => 'done' as const);
      const outcome = await Promise.race([all, timeout]);
      clearTimeout(timer);
      return outcome === 'timeout' ? inFlight.size : 0;
    },
  };
}

/**
 * What went wrong sending, without the interaction token: REST errors carry the request URL, and
 * the token is in its path (a credential for the next 15 minutes), so the error is not logged whole.
 */
function sendFailure(err: unknown, token: string) {
  const e = err as { name?: unknown; message?: unknown; status?: unknown; code?: unknown };
  return {
    name: String(e?.name ?? 'Error'),
    message: redactSecrets(String(e?.message ?? err), [token]),
    ...(typeof e?.status === 'number' && { status: e.status }),
    ...((typeof e?.code === 'number' || typeof e?.code === 'string') && { code: e.code }),
  };
}
