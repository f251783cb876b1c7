/**
 * A cache of the per-fact part of an index (the full-text index, the date order and each fact's
 * possible days) as raw bytes, one file per fact-base version: a restart with unchanged knowledge
 * files reads it back instead of re-indexing every fact (at 100k facts: ~0.3 s instead of ~1.7 s).
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
import type { TextIndexData } from './text-index.ts';

const MAGIC = 'M4IX';
/** Bump when the file layout changes. */
const LAYOUT = 2;
/** Cache files kept per directory (the newest), so that switching branches does not rebuild. */
const KEEP_FILES = 3;
/**
 * The modules whose code decides what a cached index contains: build.ts (buildCachedParts), and
 * text-build.ts and date-order.ts with every module they run (tests/search/build.test.ts checks this
 * list). Not the query side (text-index.ts and what it uses): editing it keeps the cache.
 */
export const INDEXING_MODULES = [
  '../text/normalise.ts',
  '../knowledge/days.ts',
  './stop-words.ts',
  './terms.ts',
  './fact-fields.ts',
  './growable.ts',
  './sorted-keys.ts',
  './arrays.ts',
  './text-build.ts',
  './date-order.ts',
  './build.ts',
];

type ArrayType = 'i32' | 'f32' | 'u8';
type Typed = Int32Array | Float32Array | Uint8Array;

interface Header {
  readonly layout: number;
  readonly code: string;
  readonly version: string;
  readonly factIds: string;
  readonly littleEndian: boolean;
  readonly docCount: number;
  /** The string lists that follow the header, in order: name, count, UTF-8 bytes. */
  readonly strings: ReadonlyArray<{ readonly name: string; readonly count: number; readonly bytes: number }>;
  /** The typed arrays that follow the strings, in order. */
  readonly arrays: ReadonlyArray<{ readonly name: string; readonly type: ArrayType; readonly length: number }>;
}

/** Every typed array of the cached parts, by name (the header lists them in this order). */
type ArrayName = keyof TextIndexData | 'order' | 'first' | 'last';
const ARRAYS: ReadonlyArray<readonly [ArrayName, ArrayType]> = [
  ['textDf', 'i32'],
  ['offsets', 'i32'],
  ['docs', 'i32'],
  ['impacts', 'f32'],
  ['termEntityOffsets', 'i32'],
  ['termEntities', 'i32'],
  ['entityField', 'u8'],
  ['entityDocOffsets', 'i32'],
  ['entityDocs', 'i32'],
  ['entityImpact', 'f32'],
  ['order', 'i32'],
  ['first', 'i32'],
  ['last', 'i32'],
];
const STRINGS = ['terms', 'entityKeys'] as const;

const BYTES: Readonly<Record<ArrayType, number>> = { i32: 4, f32: 4, u8: 1 };

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

function arrayOf(parts: CachedParts, name: ArrayName): Typed {
  return (name === 'order' || name === 'first' || name === 'last' ? parts[name] : parts.text[name]) as Typed;
}

export function encodeCache(base: FactBase, parts: CachedParts): Buffer {
  // Terms and keys never hold a newline (they are normalised words and slugs).
  const stringBuffers = STRINGS.map((name) => Buffer.from(parts.text[name].join('\n'), 'utf8'));
  const header: Header = {
    layout: LAYOUT,
    code: indexingCode(),
    version: base.version,
    factIds: factIdsHash(base),
    littleEndian: LITTLE_ENDIAN,
    docCount: parts.text.docCount,
    strings: STRINGS.map((name, i) => ({ name, count: parts.text[name].length, bytes: stringBuffers[i]!.length })),
    arrays: ARRAYS.map(([name, type]) => ({ name, type, length: arrayOf(parts, name).length })),
  };
  const headerBuffer = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBuffer.length, 4);
  const chunks: Buffer[] = [];
  let length = 0;
  // Every section starts on a 4-byte boundary, so that it can be read back as a view, not a copy.
  const push = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    const padding = pad4(length) - length;
    if (padding > 0) {
      chunks.push(Buffer.alloc(padding));
      length += padding;
    }
  };
  push(Buffer.concat([prefix, headerBuffer]));
  for (const buffer of stringBuffers) push(buffer);
  for (const [name] of ARRAYS) {
    const array = arrayOf(parts, name);
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
  const expected = { layout: LAYOUT, code: indexingCode(), version: base.version, littleEndian: LITTLE_ENDIAN, docCount: base.facts.length };
  for (const [field, value] of Object.entries(expected)) {
    if (header[field as keyof Header] !== value) return null;
  }
  if (header.factIds !== factIdsHash(base) || !Array.isArray(header.arrays) || header.arrays.length !== ARRAYS.length) return null;
  if (!Array.isArray(header.strings) || header.strings.length !== STRINGS.length) return null;
  let at = pad4(8 + headerLength);
  const strings = new Map<string, string[]>();
  for (const [i, name] of STRINGS.entries()) {
    const listed = header.strings[i]!;
    if (listed.name !== name || at + listed.bytes > bytes.length) return null;
    const list = listed.count === 0 ? [] : bytes.toString('utf8', at, at + listed.bytes).split('\n');
    if (list.length !== listed.count) return null;
    strings.set(name, list);
    at = pad4(at + listed.bytes);
  }
  const arrays = new Map<string, Typed>();
  for (const [i, [name, type]] of ARRAYS.entries()) {
    const listed = header.arrays[i]!;
    if (listed.name !== name || listed.type !== type || !Number.isInteger(listed.length) || listed.length < 0) return null;
    const byteLength = listed.length * BYTES[type];
    if (at + byteLength > bytes.length) return null;
    arrays.set(name, view(bytes, at, type, listed.length));
    at = pad4(at + byteLength);
  }
  if (at !== bytes.length) return null;
  const get = <A extends Typed>(name: string) => arrays.get(name) as A;
  const terms = strings.get('terms')!;
  const text: TextIndexData = {
    docCount: header.docCount,
    terms,
    entityKeys: strings.get('entityKeys')!,
    textDf: get('textDf'),
    offsets: get('offsets'),
    docs: get('docs'),
    impacts: get('impacts'),
    termEntityOffsets: get('termEntityOffsets'),
    termEntities: get('termEntities'),
    entityField: get('entityField'),
    entityDocOffsets: get('entityDocOffsets'),
    entityDocs: get('entityDocs'),
    entityImpact: get('entityImpact'),
  };
  const order = get<Int32Array>('order');
  const first = get<Int32Array>('first');
  const last = get<Int32Array>('last');
  // Cheap consistency checks: the shapes the query code relies on.
  if (
    text.offsets.length !== terms.length + 1 ||
    text.offsets[terms.length] !== text.docs.length ||
    text.termEntityOffsets.length !== terms.length + 1 ||
    text.termEntityOffsets[terms.length] !== text.termEntities.length ||
    text.entityKeys.length !== text.entityField.length ||
    text.entityDocOffsets.length !== text.entityField.length + 1 ||
    text.entityDocOffsets[text.entityField.length] !== text.entityDocs.length ||
    [order, first, last].some((array) => array.length !== header.docCount)
  ) {
    return null;
  }
  return { text, order, first, last };
}

/** A typed view of bytes[at …] (a copy only if the buffer itself is not 4-byte aligned). */
function view(bytes: Buffer, at: number, type: ArrayType, length: number): Typed {
  const offset = bytes.byteOffset + at;
  const make = (buffer: ArrayBuffer, byteOffset: number): Typed =>
    type === 'u8' ? new Uint8Array(buffer, byteOffset, length) : type === 'f32' ? new Float32Array(buffer, byteOffset, length) : new Int32Array(buffer, byteOffset, length);
  if (offset % 4 === 0) return make(bytes.buffer as ArrayBuffer, offset);
  const copy = new ArrayBuffer(length * BYTES[type]);
  new Uint8Array(copy).set(bytes.subarray(at, at + length * BYTES[type]));
  return make(copy, 0);
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
