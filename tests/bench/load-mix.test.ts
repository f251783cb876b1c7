/**
 * The load test's mix: every request is signed so the endpoint accepts it, every interaction id is
 * new (a repeat would be refused as a replay), and the presses are exactly the enabled components
 * the bot answered with, pressed as the user they were shown to, wherever they sit in the message.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LoadMix, type SignedRequest } from '../../bench/load-mix.ts';
import { createRandom } from '../../bench/prng.ts';
import { realBase } from '../fixtures/real.ts';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const requests = (mix: LoadMix, n: number): SignedRequest[] => Array.from({ length: n }, () => mix.next());

describe('the load mix', () => {
  it('sends signed commands and autocomplete with fresh ids, and no presses before the bot showed any component', async () => {
    const mix = new LoadMix(privateKey, createRandom(1), await realBase());
    const sent = requests(mix, 400);
    expect(new Set(sent.map((r) => r.kind))).toEqual(new Set(['command', 'autocomplete']));
    for (const r of sent) {
      const message = Buffer.concat([Buffer.from(r.headers['x-signature-timestamp']!), Buffer.from(r.body)]);
      expect(verify(null, message, publicKey, Buffer.from(r.headers['x-signature-ed25519']!, 'hex'))).toBe(true);
    }
    const ids = sent.map((r) => (JSON.parse(r.body) as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('presses the enabled buttons and select menus found anywhere in an answer, as the user who got it', async () => {
    const mix = new LoadMix(privateKey, createRandom(2), await realBase());
    const answer = {
      type: 4,
      data: {
        components: [
          { type: 1, components: [{ type: 2, custom_id: 'next-page', style: 2 }, { type: 2, custom_id: 'off', style: 2, disabled: true }, { type: 2, url: 'https://example.invalid', style: 5 }] },
          { type: 17, components: [{ type: 9, components: [], accessory: { type: 2, custom_id: 'quotes', style: 2 } }, { type: 1, components: [{ type: 3, custom_id: 'pick', options: [{ label: 'A', value: 'a' }] }] }] },
        ],
      },
    };
    mix.harvest(answer, '1200000000000000077');
    expect(mix.poolSize).toBe(3);
    const presses = requests(mix, 400)
      .filter((r) => r.kind === 'component')
      .map((r) => JSON.parse(r.body) as { type: number; member: { user: { id: string } }; data: { custom_id: string; component_type: number; values?: string[] } });
    expect(presses.length).toBeGreaterThan(50);
    expect(new Set(presses.map((p) => p.data.custom_id))).toEqual(new Set(['next-page', 'quotes', 'pick']));
    expect(presses.every((p) => p.type === 3 && p.member.user.id === '1200000000000000077')).toBe(true);
    expect(presses.find((p) => p.data.custom_id === 'pick')?.data).toEqual({ custom_id: 'pick', component_type: 3, values: ['a'] });
  });
});
