/**
 * The picture against a reviewed golden image, pixel by pixel with a tolerance: resvg's
 * anti-aliasing may differ by a shade between builds, a moved or missing mark may not. After an
 * intended change, `npm run golden:update` redraws the golden image (never this test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../../src/render/pictures/png.ts';
import { timelineSvg } from '../../../src/render/pictures/timeline-svg.ts';
import { GOLDEN_PNG, GOLDEN_TIMELINE } from './golden-timeline.ts';

/** A channel may be off by this much before a pixel counts as different… */
const SHADE = 40;
/**
 * …and this share of the pixels may differ: about 70 pixels, a few edges of shapes and letters.
 * One dot moved by three days changes about 400.
 */
const SHARE = 0.0001;

describe('the golden image', () => {
  it('the timeline picture matches it within the tolerance', () => {
    const actual = svgToPng(timelineSvg(GOLDEN_TIMELINE)!).png;
    const got = PNG.sync.read(actual);
    const want = PNG.sync.read(readFileSync(GOLDEN_PNG));
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    let different = 0;
    for (let i = 0; i < want.data.length; i += 4) {
      const off = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(got.data[i + c]! - want.data[i + c]!)));
      if (off > SHADE) different++;
    }
    const share = different / (want.width * want.height);
    if (share > SHARE) {
      // Left where a person can look at it beside the golden one.
      const path = join(tmpdir(), 'timeline-actual.png');
      writeFileSync(path, actual);
      expect.fail(`${(share * 100).toFixed(2)}% of the pixels differ from ${GOLDEN_PNG}; this run's picture is in ${path}`);
    }
  });
});
