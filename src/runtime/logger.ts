/**
 * Structured logs (pino, JSON lines with levels). The token must never reach a log: known secret
 * keys are redacted wherever they appear, and `redactSecrets` scrubs free text (error messages from
 * libraries can quote request headers).
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS = ['token', 'DISCORD_TOKEN', 'authorization', 'Authorization', 'headers.authorization'];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream; secrets?: string[] } = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'm4-patrol-bot' },
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
      hooks: {
        // Scrub any configured secret that slipped into a message string.
        logMethod(args, method) {
          const cleaned = args.map((a) => (typeof a === 'string' ? redactSecrets(a, secrets) : a));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: (err: unknown) => serializeError(err, secrets) },
    },
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination(1),
  );
}

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return (
    out
      // A bot token's shape, in case one we were not told about appears.
      .replace(/\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}\b/g, '[redacted]')
      // Interaction and webhook tokens sit in REST URLs and are credentials for 15 minutes.
      .replace(/\b(interactions|webhooks)\/(\d{1,20})\/[\w.-]{20,}/g, '$1/$2/[redacted]')
  );
}

/** Errors from discord.js carry the request URL and body: scrub every string in them, not only the message. */
function serializeError(err: unknown, secrets: readonly string[]) {
  const base = pino.stdSerializers.err(err as Error);
  return JSON.parse(redactSecrets(JSON.stringify(base), secrets)) as typeof base;
}
