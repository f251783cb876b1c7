/**
 * `npm run golden:update`: redraw tests/render/golden/timeline.png after an intended change to the
 * picture. The test never writes it: look at the new image before committing it.
 */
import { writeFileSync } from 'node:fs';
import { svgToPng } from '../../../src/render/pictures/png.ts';
import { timelineSvg } from '../../../src/render/pictures/timeline-svg.ts';
import { GOLDEN_PNG, GOLDEN_TIMELINE } from './golden-timeline.ts';

const drawn = svgToPng(timelineSvg(GOLDEN_TIMELINE)!);
writeFileSync(GOLDEN_PNG, drawn.png);
process.stdout.write(`wrote ${GOLDEN_PNG} (${drawn.width}×${drawn.height}, ${drawn.png.length} bytes)\n`);
