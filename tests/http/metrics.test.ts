/**
 * GET /metrics in Prometheus's text format: interactions by kind, command and outcome, answer
 * latency, refused requests by reason, the fact base being served and reloads by result. The
 * gateway bot serves the same registry on METRICS_PORT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { serveMetrics } from '../../src/runtime/metrics-server.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { autocomplete, OptionType, ping, slash } from './payloads.ts';
import { testKeys } from './signed-client.ts';

let harness: Harness;
let endpoint: Endpoint;
let store: KnowledgeStore;

beforeAll(async () => {
  harness = await startHarness();
  store = new KnowledgeStore(undefined, harness.logs.log);
  expect((await store.reload()).ok).toBe(true);
  endpoint = await harness.endpoint(store);
});
afterAll(() => harness.stop());

async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample, e.g. `m4_interactions_total{kind="command",command="help",outcome="message"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics on the HTTP endpoint', () => {
  it('counts interactions, their latency, refusals and the fact base', async () => {
    await endpoint.client.post(slash('help'));
    await endpoint.client.post(slash('help'));
    await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]));
    await endpoint.client.post(autocomplete('where', [{ name: 'place', type: OptionType.String, value: 'ain', focused: true }]));
    await endpoint.client.post(ping(), { key: testKeys().privateKey });
    await endpoint.client.postRaw('not json');

    const text = await scrape(`${endpoint.url}/metrics`);
    expect(sample(text, 'm4_interactions_total{kind="command",command="help",outcome="message"}')).toBe(2);
    expect(sample(text, 'm4_interactions_total{kind="command",command="patrol",outcome="message"}')).toBe(1);
    expect(sample(text, 'm4_interactions_total{kind="autocomplete",command="where",outcome="choices"}')).toBe(1);
    expect(sample(text, 'm4_answer_duration_seconds_count{kind="command",command="help"}')).toBe(2);
    expect(sample(text, 'm4_answer_duration_seconds_bucket{le="+Inf",kind="command",command="help"}')).toBe(2);
    expect(sample(text, 'm4_http_refused_total{reason="bad signature"}')).toBe(1);
    expect(sample(text, 'm4_http_refused_total{reason="not json"}')).toBe(1);
    expect(sample(text, 'm4_knowledge_facts')).toBe(store.base!.facts.length);
    expect(sample(text, `m4_knowledge_info{version="${store.base!.version.slice(0, 12)}"}`)).toBe(1);
  });

  it('counts an answer whose follow-up edit Discord refuses as failed, as the gateway counts an edit that fails', async () => {
    // The timeline card carries a picture: over HTTP it is acknowledged, then completed by a PATCH.
    harness.catcher.failNext(404, { message: 'Unknown Webhook', code: 10015 });
    const sent = harness.catcher.requests.length;
    expect((await endpoint.client.post(slash('timeline'))).json.type).toBe(5);
    await harness.catcher.request(sent + 1);
    const series = (outcome: string) => `m4_interactions_total{kind="command",command="timeline",outcome="${outcome}"}`;
    await expect.poll(async () => sample(await scrape(`${endpoint.url}/metrics`), series('failed')), { timeout: 10_000 }).toBe(1);
    expect(sample(await scrape(`${endpoint.url}/metrics`), series('message'))).toBeUndefined();
  });

  it('answers 405 to anything but GET', async () => {
    expect((await fetch(`${endpoint.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });
});

describe('the gateway bot’s metrics port', () => {
  it('serves the registry on its own port: reloads by result, and the process', async () => {
    const metrics = createMetrics({ knowledge: store, processMetrics: true });
    metrics.countReloads(store);
    await store.reload();
    const served = await serveMetrics(metrics, 0, '127.0.0.1', harness.logs.log);
    try {
      const text = await scrape(served.url);
      expect(sample(text, 'm4_knowledge_reloads_total{result="unchanged"}')).toBe(1);
      expect(sample(text, 'm4_knowledge_facts')).toBe(store.base!.facts.length);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect((await fetch(served.url.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      await served.close();
    }
  });
});
