/**
 * "Changed since the last good version" and the status the page is pushed: the cards whose payload
 * (card, quotes panel, disputes panel) differs between two versions, and the checker's report by file.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../src/answers/events.ts';
import type { FactBase } from '../../src/domain/types.ts';
import { buildFactBase, DEFAULT_KNOWLEDGE_DIR, type KnowledgeFiles } from '../../src/knowledge/load.ts';
import { readKnowledgeFiles } from '../../src/knowledge/files.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { changedCards, snapshot } from '../../src/transports/preview/changes.ts';
import { PreviewState, type PreviewStatus } from '../../src/transports/preview/state.ts';

const read = await readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR);
if (!read.ok) throw new Error('the project knowledge does not read');
const files = { root: read.files.root, files: new Map(read.files.files instanceof Map ? read.files.files : Object.entries(read.files.files)) } satisfies KnowledgeFiles;

function indexOf(changed: KnowledgeFiles): KnowledgeIndex {
  const built = buildFactBase(changed);
  if (!built.ok) throw new Error(built.issues.map((i) => i.message).join('\n'));
  return buildKnowledgeIndex(built.base);
}

/** The files with `from` (which must occur once in `name`) replaced by `to`. */
function edit(name: string, from: string, to: string): KnowledgeFiles {
  const text = files.files.get(name)!;
  expect(text.split(from).length, `"${from}" once in ${name}`).toBe(2);
  return { ...files, files: new Map(files.files).set(name, text.replace(from, to)) };
}

const original = indexOf(files);
const before = snapshot(original);
const patrol22 = (base: FactBase) => eventsOf(base).byPatrol.get(22)![0]!;

describe('changedCards', () => {
  it('is empty for the same files', () => {
    expect(changedCards(before, snapshot(indexOf(files)))).toEqual([]);
  });

  it('names the card an edit of its summary changes, and no card that does not show it', () => {
    const summary = patrol22(original.base).summary.text;
    const after = snapshot(indexOf(edit('events.yaml', summary, summary.replace(/\.$/, ', edited.'))));
    const changed = changedCards(before, after);
    expect(changed).toContainEqual({ label: expect.stringMatching(/^Patrol 22 · /), target: 'patrol:number=22', status: 'changed', parts: ['card'] });
    expect(changed.map((c) => c.target)).not.toContain('help:');
    // The timeline shows briefs and a picture: the picture's name changes with the version, its drawing does not.
    expect(changed.map((c) => c.target)).not.toContain('timeline:');
    expect(changed.every((c) => c.status === 'changed')).toBe(true);
  });

  it('says when only a panel changed: a dispute\'s title is in the disputes panel, not on the card', () => {
    const cited = new Set(patrol22(original.base).reports.map((f) => f.id));
    const dispute = original.base.disputes.find((d) => d.claims.some((id) => cited.has(id)))!;
    const after = snapshot(indexOf(edit('disputes.yaml', `title: ${dispute.title}`, `title: ${dispute.title} (edited)`)));
    expect(changedCards(before, after)).toContainEqual(expect.objectContaining({ target: 'patrol:number=22', parts: ['disputes'] }));
  });

  it('lists cards that are new, and cards that are gone', () => {
    const shrunk = new Map(before);
    const firstKey = [...shrunk.keys()].find((k) => k.startsWith('where:'));
    shrunk.delete(firstKey!);
    expect(changedCards(shrunk, before)).toEqual([expect.objectContaining({ target: firstKey, status: 'added' })]);
    expect(changedCards(before, shrunk)).toEqual([expect.objectContaining({ status: 'removed' })]);
    expect(changedCards(before, shrunk)[0]).not.toHaveProperty('target');
  });
});

/** A stand-in for the knowledge store: the events and fields the preview's state reads. */
class FakeStore extends EventEmitter {
  current: KnowledgeIndex | null = original;
  loadedAt: Date | null = new Date('2026-01-02T03:04:05Z');
}

describe('PreviewState', () => {
  it('reports the files\' problems by file while it keeps serving the last good version, then what changed', () => {
    const store = new FakeStore();
    const state = new PreviewState(store as never);
    const seen: PreviewStatus[] = [];
    state.on('change', (s) => seen.push(s));
    expect(state.status.health).toMatchObject({ ok: true, summary: expect.stringMatching(/^ok: \d+ facts, /) });
    expect(state.status.serving).toEqual({ version: original.base.version.slice(0, 12), loadedAt: '2026-01-02T03:04:05.000Z' });
    expect(state.status.lists?.patrols.map((p) => p.target)).toContain('patrol:number=22');

    store.emit('failed', {
      ok: false,
      issues: [],
      keptVersion: original.base.version,
      problems: [
        { path: 'knowledge/places.yaml', line: 3, field: 'places[0].name', message: 'is required' },
        { path: 'knowledge/places.yaml', line: 9, field: 'places[1].kind', message: 'must be one of …' },
        { path: 'knowledge/sources.yaml', line: 2, field: 'sources', message: 'YAML syntax error' },
      ],
    });
    expect(state.status.health).toEqual({
      ok: false,
      problems: 3,
      files: [
        { path: 'knowledge/places.yaml', problems: ['knowledge/places.yaml:3: places[0].name: is required', 'knowledge/places.yaml:9: places[1].kind: must be one of …'] },
        { path: 'knowledge/sources.yaml', problems: ['knowledge/sources.yaml:2: sources: YAML syntax error'] },
      ],
    });
    expect(state.status.serving?.version).toBe(original.base.version.slice(0, 12));

    const summary = patrol22(original.base).summary.text;
    store.current = indexOf(edit('events.yaml', summary, summary.replace(/\.$/, ', edited.')));
    store.loadedAt = new Date('2026-01-02T03:05:00Z');
    store.emit('reloaded', { ok: true, changed: true, version: store.current.base.version, facts: 0, ms: 0 });
    expect(state.status.health?.ok).toBe(true);
    expect(state.status.changed).toMatchObject({ from: original.base.version.slice(0, 12), to: store.current.base.version.slice(0, 12) });
    expect(state.status.changed?.cards.map((c) => c.target)).toContain('patrol:number=22');
    expect(seen.map((s) => s.seq)).toEqual([2, 3]);
    state.close();
    expect(store.listenerCount('reloaded') + store.listenerCount('failed')).toBe(0);
  });
});
