/**
 * The timeline picture drawn from the real fact base: one mark per event in its row, bars exactly
 * as wide as their possible days, patrol numbers and ⚖ where the fact base has them, a PNG that
 * decodes to the intended size; and the one function every transport calls for it.
 */
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../src/answers/index.ts';
import { eventsOf, type EventView } from '../../../src/answers/events.ts';
import { eventsBetween } from '../../../src/answers/range.ts';
import { dayNumber, isoDay, possibleDays } from '../../../src/knowledge/days.ts';
import { renderDiscord } from '../../../src/render/discord.ts';
import { MAX_MARKS, pictureFor } from '../../../src/render/picture.ts';
import { layoutTimeline } from '../../../src/render/pictures/layout.ts';
import { svgToPng } from '../../../src/render/pictures/png.ts';
import { ROWS } from '../../../src/render/pictures/rows.ts';
import { INK, PNG_WIDTH, ROW_INK, WIDTH } from '../../../src/render/pictures/style.ts';
import { timelineOf } from '../../../src/render/pictures/timeline-events.ts';
import { timelineSvg } from '../../../src/render/pictures/timeline-svg.ts';
import { buildKnowledgeIndex } from '../../../src/search/index.ts';
import type { KnowledgeIndex } from '../../../src/search/types.ts';
import { makeBase, makeFact } from '../../fixtures/records.ts';
import { realIndex } from '../../fixtures/real.ts';
import { allComponents, payloadProblems } from '../discord-limits.ts';
import { svgMarks, svgNumber, svgWords, type SvgMark } from './svg-marks.ts';

let index: KnowledgeIndex;
let views: readonly EventView[];
let svg: string;
let marks: Map<string, SvgMark>;

beforeAll(async () => {
  index = await realIndex();
  views = eventsOf(index.base).all;
  svg = timelineSvg(timelineOf(index.base, { kind: 'timeline' }))!;
  marks = new Map(svgMarks(svg).map((m) => [m.event, m]));
});

/** The row each kind belongs in, as the issue names them. */
function expectedRow(view: EventView): string {
  if (view.kind === 'patrol') return 'patrols';
  if (view.kind === 'attack') return view.target === 'related-forces' ? 'related' : 'attacks';
  if (view.kind === 'agreement' || view.kind === 'training') return 'accords';
  return 'other';
}

const MONTHS = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

describe('the timeline SVG of the real fact base', () => {
  it('has one mark per event, each in the row of its kind', () => {
    expect(views.length).toBeGreaterThan(10);
    expect(svgMarks(svg)).toHaveLength(views.length);
    for (const view of views) {
      const mark = marks.get(view.id);
      expect(mark, view.id).toBeDefined();
      expect(mark!.row, view.id).toBe(expectedRow(view));
    }
  });

  it('draws an event known to the day as a dot, and any other as a bar exactly as wide as its possible days', () => {
    const pxPerDay = svgNumber(svg, 'data-px-per-day');
    expect(pxPerDay).toBeGreaterThan(0);
    let dots = 0;
    let bars = 0;
    for (const view of views) {
      const days = possibleDays(view.dated)!;
      const mark = marks.get(view.id)!;
      expect([mark.first, mark.last], view.id).toEqual([isoDay(days.first), isoDay(days.last)]);
      if (days.first === days.last) {
        expect(mark.shape, view.id).toBe('dot');
        dots++;
      } else {
        expect(mark.shape, view.id).toBe('bar');
        // Written to two decimals.
        expect(Math.abs(mark.width! - (days.last - days.first + 1) * pxPerDay), view.id).toBeLessThanOrEqual(0.01);
        bars++;
      }
    }
    // The real fact base has both, and more uncertain dates than certain ones.
    expect(dots).toBeGreaterThan(0);
    expect(bars).toBeGreaterThan(dots);
  });

  it('places marks along the axis in the order of their first possible day', () => {
    const pxPerDay = svgNumber(svg, 'data-px-per-day');
    const left = (m: SvgMark) => (m.shape === 'dot' ? m.x - pxPerDay / 2 : m.x);
    const sorted = [...marks.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) expect(left(sorted[i]!)).toBeGreaterThanOrEqual(left(sorted[i - 1]!) - 0.01);
  });

  it('labels patrols and the attacks on them with their numbers, and marks disputed events with ⚖', () => {
    let labelled = 0;
    for (const view of views) {
      const mark = marks.get(view.id)!;
      const row = expectedRow(view);
      const label = view.patrol && (row === 'patrols' || row === 'attacks') ? String(view.patrol.number) : undefined;
      expect(mark.label, view.id).toBe(label);
      if (label) labelled++;
      // ⚖ on the picture exactly where the event's own card shows a disputed line.
      const card = answer(index, { command: 'event', id: view.id });
      expect(mark.disputed, view.id).toBe(card.blocks.some((b) => (b.kind === 'line' || b.kind === 'item') && b.disputed === true));
    }
    expect(labelled).toBeGreaterThanOrEqual(eventsOf(index.base).patrols.length);
    expect([...marks.values()].some((m) => m.disputed)).toBe(true);
  });

  it('says nothing but the row names, the legend, dates on the axis and patrol numbers', () => {
    const words = svgWords(svg);
    for (const row of ROWS.filter((r) => r.always)) expect(words).toContain(row.name);
    expect(words).toEqual(expect.arrayContaining(['known to the day', 'could be any day under the bar', 'sources disagree']));
    const numbers = new Set(eventsOf(index.base).patrols.map(String));
    const chrome = new Set([...ROWS.map((r) => r.name), 'known to the day', 'could be any day under the bar', 'sources disagree', 'goes on past the edge', 'empty months left out']);
    for (const word of words) {
      const axis = MONTHS.has(word) || /^\d{1,2}$/.test(word) || /^\d{4}$/.test(word) || /^\d{1,2} [A-Z][a-z]{2}$/.test(word) || /^[A-Z][a-z]{2} \d{4}$/.test(word);
      expect(chrome.has(word) || numbers.has(word) || axis, word).toBe(true);
    }
  });
});

describe('a range', () => {
  const from = '2020-07-01';
  const to = '2020-08-31';

  it('draws the events the card lists, cut to the range, with an arrow where one goes on past it', () => {
    const ranged = timelineSvg(timelineOf(index.base, { kind: 'timeline', from, to }))!;
    const inRange = eventsBetween(views, { from, to });
    const drawn = svgMarks(ranged);
    expect(drawn.map((m) => m.event).sort()).toEqual(inRange.map((v) => v.id).sort());
    expect(drawn.some((m) => m.cutBefore || m.cutAfter)).toBe(true);
    expect(svgNumber(ranged, 'data-px-per-day')).toBeGreaterThan(svgNumber(svg, 'data-px-per-day'));
    for (const view of inRange) {
      const days = possibleDays(view.dated)!;
      const mark = drawn.find((m) => m.event === view.id)!;
      expect(mark.first >= from && mark.last <= to, view.id).toBe(true);
      expect(mark.cutBefore, view.id).toBe(days.first < dayNumber(from)!);
      expect(mark.cutAfter, view.id).toBe(days.last > dayNumber(to)!);
    }
  });

  it('collapses a long stretch with nothing on record, keeping one width per day on both sides', () => {
    const day = (iso: string) => dayNumber(iso)!;
    const layout = layoutTimeline({
      events: [
        { id: 'early', row: 'accords', first: day('2018-09-01'), last: day('2018-09-30'), disputed: false },
        { id: 'late', row: 'patrols', first: day('2020-03-01'), last: day('2020-03-30'), label: '1', disputed: false },
      ],
    })!;
    expect(layout.axis.collapsed).toEqual([expect.objectContaining({ first: day('2018-10-01'), last: day('2020-02-29') })]);
    const [early, late] = layout.marks;
    expect(early!.x1 - early!.x0).toBeCloseTo(late!.x1 - late!.x0, 6);
    expect(layout.legend.map((l) => l.key)).toContain('gap');
  });
});

describe('the PNG', () => {
  it('decodes, has the intended size and is not blank', () => {
    const drawn = svgToPng(svg);
    const png = PNG.sync.read(drawn.png);
    const height = svgNumber(svg, 'height');
    expect(png.width).toBe(PNG_WIDTH);
    expect(Math.abs(png.height - (height * PNG_WIDTH) / WIDTH)).toBeLessThanOrEqual(1);
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const key = png.data.subarray(i, i + 3).toString('hex');
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    // Mostly the card's background, with the patrols' blue and the attacks' orange drawn on it.
    const [top] = [...colours.entries()].sort((a, b) => b[1] - a[1]);
    expect(`#${top![0]}`).toBe(INK.background);
    expect(colours.get(ROW_INK.patrols.slice(1))).toBeGreaterThan(50);
    expect(colours.get(ROW_INK.attacks.slice(1))).toBeGreaterThan(50);
    expect(colours.size).toBeGreaterThan(100);
  });
});

describe('pictureFor: the one function the transports and the preview call', () => {
  it('gives /timeline, /attacks and the /patrol list a picture, and cards without one none', () => {
    for (const target of [{ command: 'timeline' }, { command: 'attacks' }, { command: 'patrol' }] as const) {
      expect(pictureFor(index, answer(index, target))?.name, target.command).toMatch(/^timeline-[0-9a-f]{16}\.png$/);
    }
    expect(pictureFor(index, answer(index, { command: 'patrol', number: 22 }))).toBeUndefined();
    expect(pictureFor(index, answer(index, { command: 'help' }))).toBeUndefined();
    // Nothing in range: the card says so, and there is nothing to draw.
    expect(pictureFor(index, answer(index, { command: 'timeline', from: '2030', to: '2031' }))).toBeUndefined();
  });

  it('draws no picture of more events than it can show apart', () => {
    const base = (n: number) =>
      makeBase({ facts: Array.from({ length: n }, (_, i) => makeFact({ id: `accord-${i}`, kind: 'agreement', date: '2020-03-05' })) });
    const fits = buildKnowledgeIndex(base(MAX_MARKS));
    const crowded = buildKnowledgeIndex(base(MAX_MARKS + 1));
    expect(pictureFor(fits, answer(fits, { command: 'timeline' }))).toBeDefined();
    expect(pictureFor(crowded, answer(crowded, { command: 'timeline' }))).toBeUndefined();
  });

  it('names a picture by fact base version and range and draws it once; a reload draws new ones', () => {
    const timeline = pictureFor(index, answer(index, { command: 'timeline' }))!;
    const list = pictureFor(index, answer(index, { command: 'patrol' }))!;
    expect(list.name).toBe(timeline.name);
    expect(list.png()).toBe(timeline.png());
    const july = pictureFor(index, answer(index, { command: 'attacks', from: '2020-07', to: '2020-07' }))!;
    expect(july.name).not.toBe(timeline.name);
    const reloaded: KnowledgeIndex = { ...index, base: { ...index.base, version: `${index.base.version}-edited` } };
    const fresh = pictureFor(reloaded, answer(reloaded, { command: 'timeline' }))!;
    expect(fresh.name).not.toBe(timeline.name);
    expect(fresh.png()).not.toBe(timeline.png());
    expect(fresh.png().equals(timeline.png())).toBe(true);
  });

  it('sums the picture up for screen readers', () => {
    const picture = pictureFor(index, answer(index, { command: 'timeline' }))!;
    const layout = layoutTimeline(timelineOf(index.base, { kind: 'timeline' }))!;
    expect(picture.description).toMatch(new RegExp(`^Timeline of ${views.length} events, `));
    const dots = layout.marks.filter((m) => m.shape === 'dot').length;
    expect(picture.description).toContain(`${dots} known to the day`);
    expect(picture.description).toContain(`${views.length - dots} known only to a week, a month or a span`);
    expect(picture.description.length).toBeLessThanOrEqual(1024);
  });

  it('the card shows it in a gallery, lists it as an attachment and stays within Discord’s limits', () => {
    for (const target of [{ command: 'timeline' }, { command: 'attacks' }, { command: 'patrol' }] as const) {
      const card = answer(index, target);
      const picture = pictureFor(index, card)!;
      const payload = renderDiscord(card, { picture });
      expect(payloadProblems(payload), target.command).toEqual([]);
      const gallery = allComponents(payload.components).find((c) => c.type === 12) as { items: { media: { url: string }; description: string }[] } | undefined;
      expect(gallery?.items).toEqual([{ media: { url: `attachment://${picture.name}` }, description: picture.description }]);
      expect(payload.attachments).toEqual([{ id: 0, filename: picture.name, description: picture.description }]);
    }
  });

  it('sends this SVG drawn, byte for byte: the same picture for the same timeline, whoever asks', () => {
    // Drawn afresh from a version never drawn before, so that the cache cannot answer for the drawing.
    const fresh: KnowledgeIndex = { ...index, base: { ...index.base, version: `${index.base.version}-whoever` } };
    const sent = pictureFor(fresh, answer(fresh, { command: 'timeline' }))!;
    expect(sent.png().equals(svgToPng(svg).png)).toBe(true);
  });
});
