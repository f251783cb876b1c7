/**
 * A cache of the facts' index — the part of a build that costs (every word of every fact) — one file
 * per fact-base version, so that a restart with unchanged knowledge files loads it instead: at
 * 10,000 facts in less than half the time. The index is MiniSearch's own serialisation (`toJSON`,
 * read back with `loadJSON`); the words' frequencies counted while indexing travel with it.
 *
 * Both hold the event loop (at 10,000 facts a few hundred ms). `loadJSONAsync` would not, but it
 * waits a `setTimeout` — at least a millisecond — per thousand postings: at 10,000 facts that is
 * longer than the whole load. A cache is read at a start, before the bot has an index to answer with,
 * and written once per knowledge version.
 *
 * A file is used only if everything it was made from is the same: the fact base version, the fact
 * ids, and the code that decides what the index holds (our indexing modules and MiniSearch itself —
 * their source is hashed, so an edit or an upgrade invalidates every cache). Anything unreadable is
 * ignored and rebuilt: a cache can make a start faster, never different.
 *
 * The file is three lines of JSON (JSON never holds a raw newline): header, frequencies, index.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import type { FactBase } from '../domain/types.ts';
import { factTextOptions, type TextParts } from './fact-text.ts';

/** Bump when the file layout changes. */
const FORMAT = 3;
/** Cache files kept per directory (the newest), so that switching branches does not rebuild. */
const KEEP_FILES = 3;
/**
 * The modules whose code decides what a cached index contains (tests/search/build.test.ts checks
 * that this is everything fact-text.ts runs), and the search engine itself.
 */
export const INDEXING_MODULES = ['../text/normalise.ts', './stop-words.ts', './terms.ts', './fact-text.ts', './cache.ts'];
/** MiniSearch's own code (its CommonJS build stands for the version installed). */
const ENGINE = pathToFileURL(createRequire(import.meta.url).resolve('minisearch')).href;

interface Header {
  readonly format: number;
  readonly code: string;
  readonly version: string;
  readonly factIds: string;
}

let codeFingerprint: string | undefined;

/** A hash of the indexing code; when the sources are not there (a bundled build), the format only. */
function indexingCode(): string {
  if (codeFingerprint === undefined) {
    const hash = createHash('sha256').update(`format ${FORMAT}\n`);
    for (const url of [...INDEXING_MODULES.map((module) => new URL(module, import.meta.url).href), ENGINE]) {
      try {
        hash.update(readFileSync(fileURLToPath(url)));
      } catch {
        hash.update(`missing ${url}\n`);
      }
    }
    codeFingerprint = hash.digest('hex').slice(0, 16);
  }
  return codeFingerprint;
}

function headerFor(base: FactBase): Header {
  // One string, one update: a hash call per id costs ~100 ms at 100k facts.
  const factIds = createHash('sha256').update(base.facts.map((fact) => fact.id).join('\n')).digest('hex').slice(0, 16);
  return { format: FORMAT, code: indexingCode(), version: base.version, factIds };
}

/** The cache file for this base and this code. */
export function cacheFilePath(dir: string, base: FactBase): string {
  const version = base.version.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return join(dir, `${version}-${indexingCode()}.idx`);
}

/** The cached parts for exactly this base and code, or null. */
export async function readCache(dir: string, base: FactBase): Promise<TextParts | null> {
  try {
    const contents = await readFile(cacheFilePath(dir, base), 'utf8');
    const [header, frequencies, text] = contents.split('\n', 3);
    if (header !== JSON.stringify(headerFor(base)) || frequencies === undefined || text === undefined) return null;
    return {
      frequencies: new Map(JSON.parse(frequencies) as Array<[string, number]>),
      text: MiniSearch.loadJSON<number>(text, factTextOptions()),
    };
  } catch {
    return null;
  }
}

/** Write atomically (temp file, then rename), then drop all but the newest few cache files. */
export async function writeCache(dir: string, base: FactBase, parts: TextParts): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = cacheFilePath(dir, base);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, [headerFor(base), [...parts.frequencies], parts.text].map((part) => JSON.stringify(part)).join('\n'));
  await rename(temp, file);
  await pruneCache(dir, file);
}

async function pruneCache(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.idx'));
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return { path, mtime: (await stat(path).catch(() => null))?.mtimeMs ?? 0 };
    }),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  const stale = files.filter((file) => file.path !== keep).slice(KEEP_FILES - 1);
  await Promise.all(stale.map((file) => unlink(file.path).catch(() => undefined)));
}
