/**
 * A cache of the expensive part of an index (full-text postings and date order) as raw bytes, one
 * file per fact-base version: a restart with unchanged knowledge files reads it back in a few tens of
 * milliseconds instead of re-indexing every fact.
 *
 * A cache file is used only if everything it was made from is the same: the fact base version, the
 * fact ids in order, and the code that decides what the index holds (the normaliser and the indexing
 * modules — their source is hashed, so editing them invalidates every cache). Anything unreadable is
 * ignored and rebuilt; a cache can make a start faster, never different.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactBase } from '../domain/types.ts';
import type { CachedParts } from './build.ts';

const MAGIC = 'M4IX';
/** Bump when the file layout changes. */
const LAYOUT = 1;
/** Cache files kept per directory (the newest), so that switching branches does not rebuild. */
const KEEP_FILES = 3;
/** The modules whose code decides what a cached index contains. */
const INDEXING_MODULES = [
  '../text/normalise.ts',
  './stop-words.ts',
  './terms.ts',
  './fact-fields.ts',
  './text-index.ts',
  './date-order.ts',
];

interface Header {
  readonly layout: number;
  readonly code: string;
  readonly version: string;
  readonly factIds: string;
  readonly littleEndian: boolean;
  readonly docCount: number;
  readonly termCount: number;
  readonly postings: number;
  readonly termsBytes: number;
}

let codeFingerprint: string | undefined;

/** A hash of the indexing code; when the sources are not there (a bundled build), the layout only. */
function indexingCode(): string {
  if (codeFingerprint === undefined) {
    const hash = createHash('sha256').update(`layout ${LAYOUT}\n`);
    for (const module of INDEXING_MODULES) {
      try {
        hash.update(readFileSync(fileURLToPath(new URL(module, import.meta.url))));
      } catch {
        hash.update(`missing ${module}\n`);
      }
    }
    codeFingerprint = hash.digest('hex').slice(0, 16);
  }
  return codeFingerprint;
}

function factIdsHash(base: FactBase): string {
  // One string, one update: a hash call per id costs ~100 ms at 100k facts.
  return createHash('sha256').update(base.facts.map((fact) => fact.id).join('\n')).digest('hex').slice(0, 16);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The cache file for this base and this code. */
export function cacheFilePath(dir: string, base: FactBase): string {
  const version = base.version.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return join(dir, `${version}-${indexingCode()}.idx`);
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

export function encodeCache(base: FactBase, parts: CachedParts): Buffer {
  const { text, order } = parts;
  const termsBuffer = Buffer.from(text.terms.join('\n'), 'utf8');
  const header: Header = {
    layout: LAYOUT,
    code: indexingCode(),
    version: base.version,
    factIds: factIdsHash(base),
    littleEndian: LITTLE_ENDIAN,
    docCount: text.docCount,
    termCount: text.terms.length,
    postings: text.docs.length,
    termsBytes: termsBuffer.length,
  };
  const headerBuffer = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBuffer.length, 4);
  const chunks: Buffer[] = [prefix, headerBuffer];
  let length = 8 + headerBuffer.length;
  const align = () => {
    const padding = pad4(length) - length;
    if (padding > 0) chunks.push(Buffer.alloc(padding));
    length += padding;
  };
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  align();
  push(termsBuffer);
  align();
  for (const array of [text.df, text.offsets, text.docs, text.impacts, order]) {
    push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
  }
  return Buffer.concat(chunks, length);
}

/** The cached parts in `bytes` if they were made for exactly this base and code; otherwise null. */
export function decodeCache(bytes: Buffer, base: FactBase): CachedParts | null {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerLength = bytes.readUInt32LE(4);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header;
  } catch {
    return null;
  }
  const expected = {
    layout: LAYOUT,
    code: indexingCode(),
    version: base.version,
    littleEndian: LITTLE_ENDIAN,
    docCount: base.facts.length,
  };
  for (const [field, value] of Object.entries(expected)) {
    if (header[field as keyof Header] !== value) return null;
  }
  if (header.factIds !== factIdsHash(base)) return null;
  const { termCount, postings, docCount, termsBytes } = header;
  let at = pad4(8 + headerLength);
  const needed = at + pad4(termsBytes) + 4 * (termCount + termCount + 1 + postings + postings + docCount);
  if (bytes.length !== needed) return null;
  const terms = termCount === 0 ? [] : bytes.toString('utf8', at, at + termsBytes).split('\n');
  if (terms.length !== termCount) return null;
  at = pad4(at + termsBytes);
  const take = <A extends Int32Array | Float32Array>(make: (buffer: ArrayBuffer, offset: number, length: number) => A, count: number): A => {
    const offset = bytes.byteOffset + at;
    at += 4 * count;
    if (offset % 4 === 0) return make(bytes.buffer as ArrayBuffer, offset, count);
    // Unaligned (a pooled small buffer): copy into an aligned one.
    const copy = new ArrayBuffer(4 * count);
    new Uint8Array(copy).set(bytes.subarray(at - 4 * count, at));
    return make(copy, 0, count);
  };
  const int32 = (buffer: ArrayBuffer, offset: number, length: number) => new Int32Array(buffer, offset, length);
  const df = take(int32, termCount);
  const offsets = take(int32, termCount + 1);
  const docs = take(int32, postings);
  const impacts = take((buffer, offset, length) => new Float32Array(buffer, offset, length), postings);
  const order = take(int32, docCount);
  if (offsets[termCount] !== postings) return null;
  return { text: { docCount, terms, df, offsets, docs, impacts }, order };
}

export async function readCache(dir: string, base: FactBase): Promise<CachedParts | null> {
  try {
    return decodeCache(await readFile(cacheFilePath(dir, base)), base);
  } catch {
    return null;
  }
}

/** Write atomically (temp file, then rename), then drop all but the newest few cache files. */
export async function writeCache(dir: string, base: FactBase, parts: CachedParts): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = cacheFilePath(dir, base);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, encodeCache(base, parts));
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
