import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, log: createLogger({ level: 'debug', destination, secrets: [token] }) };
}

describe('logger', () => {
  it('writes structured JSON lines with a level', () => {
    const { lines, log } = capture();
    log.info({ command: 'patrol' }, 'answered');
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', command: 'patrol', msg: 'answered' });
  });

  it('never writes the token: not as a field, not in a message, not in an error', () => {
    const { lines, log } = capture();
    log.info({ token, headers: { authorization: `Bot ${token}` } }, `connecting with ${token}`);
    log.error({ err: new Error(`401 for Bot ${token}`) }, 'failed');
    log.warn(`a token-shaped string ${token.replace('abc', 'xyz')}`);
    const restError = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA/callback',
    });
    log.error({ err: restError }, 'could not send the answer');
    const text = lines.join('');
    expect(text).not.toContain(token);
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).not.toContain('aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA');
    expect(text).toContain('interactions/123456789012345678/[redacted]');
    expect(text).toContain('[redacted]');
  });
});
