/**
 * The pictures' part of `npm run bench`: the /timeline and /attacks pictures of the real fact base,
 * drawn at the size Discord gets them. Cold is a fact base version never drawn before, as after a
 * reload (events to layout, SVG, PNG); cached is the same card asked for again. The first draw in
 * a process is reported apart: it also reads the font files and warms resvg up.
 */
import { answer } from '../src/answers/index.ts';
import type { Target } from '../src/answers/query.ts';
import { formatIssue, loadKnowledge } from '../src/knowledge/load.ts';
import { pictureFor } from '../src/render/picture.ts';
import { buildKnowledgeIndex } from '../src/search/index.ts';
import type { KnowledgeIndex } from '../src/search/types.ts';
import { latency, round, timed, type Latency } from './stats.ts';

export interface PictureResult {
  readonly command: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly firstMs: number;
  readonly cold: Latency;
  readonly cached: Latency;
}

const CASES: readonly (readonly [string, Target])[] = [
  ['/timeline', { command: 'timeline' }],
  ['/attacks', { command: 'attacks' }],
];

/** The same fact base under another version: what a reload with an edit gives the picture cache. */
function reloaded(index: KnowledgeIndex, tag: string): KnowledgeIndex {
  return { ...index, base: { ...index.base, version: `${index.base.version}-${tag}` } };
}

/** One cold draw: the card is answered first, as the bot does, and only the picture is timed. */
function coldDraw(index: KnowledgeIndex, target: Target): [Buffer, number] {
  const card = answer(index, target);
  return timed(() => pictureFor(index, card)!.png());
}

export async function measurePictures(quick: boolean): Promise<PictureResult[]> {
  const loaded = await loadKnowledge();
  if (!loaded.ok) throw new Error(`knowledge/ does not load:\n${loaded.issues.map(formatIssue).join('\n')}`);
  const index = buildKnowledgeIndex(loaded.base);
  const runs = quick ? 5 : 40;
  return CASES.map(([command, target], c) => {
    const [png, firstMs] = coldDraw(reloaded(index, `first-${c}`), target);
    const cold = Array.from({ length: runs }, (_, i) => coldDraw(reloaded(index, `cold-${c}-${i}`), target)[1]);
    const card = answer(index, target);
    pictureFor(index, card)!.png();
    const cached = Array.from({ length: runs * 10 }, () => timed(() => pictureFor(index, card)!.png())[1]);
    // A PNG's size is in its header: width and height at bytes 16 and 20.
    return { command, width: png.readUInt32BE(16), height: png.readUInt32BE(20), bytes: png.length, firstMs: round(firstMs), cold: latency(cold), cached: latency(cached) };
  });
}

function ms(value: number): string {
  return value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

export function picturesText(results: readonly PictureResult[]): string {
  const rows = results.map(
    (r) => `| ${r.command} | ${r.width}×${r.height} px, ${Math.round(r.bytes / 1024)} KB | ${ms(r.firstMs)} | ${ms(r.cold.p50Ms)} / ${ms(r.cold.p99Ms)} | ${ms(r.cached.p50Ms)} / ${ms(r.cached.p99Ms)} |`,
  );
  return [
    'Pictures (real fact base; cold = a fact base version never drawn, as after a reload)',
    '',
    '| picture | PNG | first in process | cold p50 / p99 | cached p50 / p99 |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
