/**
 * Live reload as people really save files: written in place, renamed over (`sed -i`, editors' safe
 * save), deleted and written again, switched by `git checkout`, a new file in facts/, and a burst of
 * writes. After each, the running store must end up serving exactly what is on disk.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { createLogger } from '../../src/runtime/logger.ts';

const run = promisify(execFile);
const log = createLogger({ level: 'silent' });

let scratch: string;
let dir: string;
let store: KnowledgeStore;
let reloads = 0;
const FACT_FILE = () => join(dir, 'facts', 'southfront-first-full-patrol.yaml');
const SENTENCE = 'completed their first full joint patrol on the M4 highway in Greater Idlib.';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'm4-watch-'));
  dir = join(scratch, 'knowledge');
  await cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  store = new KnowledgeStore(dir, log);
  expect((await store.reload()).ok).toBe(true);
  store.on('reloaded', () => reloads++);
  await store.watch({ debounceMs: 50 });
});

afterAll(async () => {
  await store.close();
  await rm(scratch, { recursive: true, force: true });
});

/** The version the files on disk have now: what the store must come to serve on its own. */
async function versionOnDisk(): Promise<string> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  return loaded.base.version;
}

/** Waits (generously: seconds, where the watcher needs milliseconds) for the store to serve what is on disk. */
async function servesWhatIsOnDisk(): Promise<void> {
  const expected = await versionOnDisk();
  const deadline = Date.now() + 10_000;
  while (store.base?.version !== expected) {
    if (Date.now() > deadline) throw new Error(`still serving ${store.base?.version}, the files say ${expected}: an edit was missed`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A change to one statement, so that each edit gives a new version and a searchable word. */
async function editStatement(word: string): Promise<string> {
  const text = await readFile(FACT_FILE(), 'utf8');
  return text.replace(/completed their first full joint patrol on the M4 highway in Greater Idlib[^\n]*/, `${SENTENCE.slice(0, -1)} ${word}.`);
}

const finds = (word: string) => store.current!.searchFacts(word).length;

describe('live reload picks up every kind of save', () => {
  it('an in-place write', async () => {
    await writeFile(FACT_FILE(), await editStatement('zanzibarinplace'));
    await servesWhatIsOnDisk();
    expect(finds('zanzibarinplace')).toBe(1);
  });

  it('a rename over the file (sed -i), and an in-place write after it', async () => {
    await run('sed', ['-i', 's/zanzibarinplace/zanzibarsed/', FACT_FILE()]);
    await servesWhatIsOnDisk();
    expect(finds('zanzibarsed')).toBe(1);
    // Node's recursive fs.watch stops reporting a file once something was renamed over it.
    await writeFile(FACT_FILE(), await editStatement('zanzibarafter'));
    await servesWhatIsOnDisk();
    expect(finds('zanzibarafter')).toBe(1);
  });

  it("an editor's safe save: a temporary file renamed over the original", async () => {
    const temporary = join(dir, 'facts', '.southfront-first-full-patrol.yaml.tmp');
    await writeFile(temporary, await editStatement('zanzibarsafesave'));
    await rename(temporary, FACT_FILE());
    await servesWhatIsOnDisk();
    expect(finds('zanzibarsafesave')).toBe(1);
  });

  it('a delete, then the file written again', async () => {
    const text = await editStatement('zanzibarrecreated');
    await unlink(FACT_FILE());
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(FACT_FILE(), text);
    await servesWhatIsOnDisk();
    expect(finds('zanzibarrecreated')).toBe(1);
  });

  it('a new file in facts/, and its removal', async () => {
    // A fact of another file, under a new id, as a new file: part of the version like every file.
    const text = await readFile(join(dir, 'facts', 'southfront-second-joint-training.yaml'), 'utf8');
    const fact = text
      .slice(text.indexOf('- id: sf-polyakov-announced-training-sept-5'), text.indexOf('- id: sf-training-to-repel-attacks-on-convoys'))
      .replace('sf-polyakov-announced-training-sept-5', 'zanzibar-new-file');
    const fresh = join(dir, 'facts', 'a-new-file.yaml');
    await writeFile(fresh, `# Facts from a source still being read.\n${fact}`);
    await servesWhatIsOnDisk();
    expect(store.base?.factById.has('zanzibar-new-file')).toBe(true);
    await unlink(fresh);
    await servesWhatIsOnDisk();
    expect(store.base?.factById.has('zanzibar-new-file')).toBe(false);
  });

  it('editor and system litter beside the files: no reload at all', async () => {
    let reacted = 0;
    const count = () => reacted++;
    store.on('reloaded', count);
    store.on('failed', count);
    try {
      const litter = ['.southfront-first-full-patrol.yaml.swo', '#southfront-first-full-patrol.yaml#', '.DS_Store', 'notes.tmp', '4913'].map((name) =>
        join(dir, 'facts', name),
      );
      for (const file of litter) await writeFile(file, '- id: not-a-fact\n');
      for (const file of litter) await writeFile(file, '- id: still-not-a-fact\n');
      for (const file of litter) await unlink(file);
      // Many times the debounce: a reload, had one been triggered, would have run by now.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(reacted).toBe(0);
    } finally {
      store.off('reloaded', count);
      store.off('failed', count);
    }
  });

  it('git checkout of another commit, and back', async () => {
    const git = (...args: string[]) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
    await git('init', '-q');
    await git('add', '-A');
    await git('commit', '-qm', 'one');
    await writeFile(FACT_FILE(), await editStatement('zanzibarcommitted'));
    await git('commit', '-qam', 'two');
    await servesWhatIsOnDisk();
    expect(finds('zanzibarcommitted')).toBe(1);
    await git('checkout', '-q', 'HEAD~1');
    await servesWhatIsOnDisk();
    expect(finds('zanzibarcommitted')).toBe(0);
    await git('checkout', '-q', '-');
    await servesWhatIsOnDisk();
    expect(finds('zanzibarcommitted')).toBe(1);
  });

  it('twenty writes within a second: the last one is served, after a few reloads rather than twenty', async () => {
    const before = reloads;
    // The twenty texts are made first and written synchronously, back to back: a loaded machine
    // may not schedule this test for a while, but it cannot spread the writes out.
    const texts: string[] = [];
    for (let i = 0; i < 20; i++) texts.push(await editStatement(`zanzibarburst${String.fromCharCode(97 + i)}`));
    for (const text of texts) writeFileSync(FACT_FILE(), text);
    await servesWhatIsOnDisk();
    expect(finds('zanzibarburstt')).toBe(1);
    expect(reloads - before).toBeLessThan(10);
  });
});
