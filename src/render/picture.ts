/**
 * The picture a card carries, for every transport and the preview page: one function, so that
 * the gateway, the HTTP endpoint, `npm run ask -- --png` and the preview all send the same bytes
 * under the same name. Only the timeline picture exists today (`/timeline`, `/attacks`, the
 * `/patrol` list); a card without a `picture` has none.
 */
import { createHash } from 'node:crypto';
import type { Answer } from '../answers/answer.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { V2_LIMITS } from './limits.ts';
import { describeTimeline } from './pictures/describe.ts';
import { layoutTimeline, type TimelineLayout } from './pictures/layout.ts';
import { Lru } from './pictures/lru.ts';
import { svgToPng } from './pictures/png.ts';
import { timelineOf } from './pictures/timeline-events.ts';
import { layoutSvg } from './pictures/timeline-svg.ts';
import { truncateWords } from './truncate.ts';

export interface PictureFile {
  /** The attachment's file name, `timeline-<hash>.png`: the same for the same fact base and range. */
  readonly name: string;
  /** Alt text: what the picture shows, summed up for screen readers. */
  readonly description: string;
  /** The PNG, drawn on the first call and then kept with the rest of this picture. */
  png(): Buffer;
}

/**
 * Bump when the drawing changes: names then change too, so nothing that keeps pictures by name
 * (the preview page, a browser) shows an old drawing for a new one.
 */
const DRAWING = 1;

/** Pictures kept, by fact base version and range: a reload's new version makes new ones. */
const CACHE_SIZE = 32;

/**
 * More events than this in a range get no picture: their marks would pile into one smear and take
 * resvg seconds to draw. The card's list and month menu carry such a range; a narrower one draws.
 * The real fact base has a few dozen.
 */
export const MAX_MARKS = 300;

interface Drawing {
  readonly name: string;
  readonly description: string;
  readonly layout: TimelineLayout;
  png?: Buffer;
}

/** null: nothing to draw in that range (remembered too, so it is worked out once). */
const drawings = new Lru<string, Drawing | null>(CACHE_SIZE);

function nameOf(key: string): string {
  return `timeline-${createHash('sha256').update(`${DRAWING}\0${key}`).digest('hex').slice(0, 16)}.png`;
}

export function pictureFor(index: KnowledgeIndex, answer: Answer): PictureFile | undefined {
  const picture = answer.picture;
  if (!picture || answer.kind !== 'ok') return undefined;
  const key = `${index.base.version}\0${picture.from ?? ''}\0${picture.to ?? ''}`;
  let drawing = drawings.get(key);
  if (drawing === undefined) {
    const timeline = timelineOf(index.base, picture);
    const layout = timeline.events.length <= MAX_MARKS ? layoutTimeline(timeline) : null;
    drawing = layout && { name: nameOf(key), description: truncateWords(describeTimeline(layout), V2_LIMITS.mediaDescription), layout };
    drawings.set(key, drawing);
  }
  if (!drawing) return undefined;
  const found = drawing;
  return {
    name: found.name,
    description: found.description,
    png: () => (found.png ??= svgToPng(layoutSvg(found.layout)).png),
  };
}
