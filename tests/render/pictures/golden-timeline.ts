/**
 * The timeline the golden image is drawn from: made by hand, not read from knowledge/, so that
 * editing the fact base never changes it. It holds one of everything the picture can show: dots and
 * bars in every row, patrol numbers, ⚖, a crowded row, a collapsed stretch and a bar cut by the range.
 */
import { fileURLToPath } from 'node:url';
import { dayNumber } from '../../../src/knowledge/days.ts';
import type { Timeline, TimelineEvent } from '../../../src/render/pictures/layout.ts';

export const GOLDEN_PNG = fileURLToPath(new URL('../golden/timeline.png', import.meta.url));

const day = (iso: string) => dayNumber(iso)!;

function event(id: string, row: TimelineEvent['row'], first: string, last = first, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { id, row, first: day(first), last: day(last), disputed: false, ...extra };
}

export const GOLDEN_TIMELINE: Timeline = {
  events: [
    event('first-patrol', 'patrols', '2020-03-06', '2020-03-15', { label: '1', disputed: true }),
    event('some-patrol', 'patrols', '2020-07-01', '2020-08-24'),
    event('full-patrol', 'patrols', '2020-07-22', '2020-07-22', { label: '22', disputed: true }),
    event('attack-21', 'attacks', '2020-07-01', '2020-07-16', { label: '21', disputed: true }),
    event('attack-25', 'attacks', '2020-08-17', '2020-08-23', { label: '25' }),
    event('attack-26', 'attacks', '2020-08-25', '2020-08-25', { label: '26', disputed: true }),
    event('air-attack', 'related', '2020-02-21', '2020-02-29'),
    event('convoy-ied', 'related', '2020-08-18'),
    event('sochi', 'accords', '2018-09-01', '2018-09-30'),
    ...['a', 'b', 'c', 'd', 'e'].map((k) => event(`agreement-${k}`, 'accords', '2020-03-05')),
    event('training-1', 'accords', '2020-09-01', '2020-09-05'),
    event('training-2', 'accords', '2020-09-01', '2020-09-05'),
    event('spring-shield', 'other', '2020-03-05', '2020-07-31'),
    event('aid', 'other', '2020-08-24'),
  ],
  to: day('2020-09-03'),
};
