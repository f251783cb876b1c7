/**
 * Write synthetic knowledge as a knowledge directory (YAML files and archived texts), so that sizes
 * up to 10k can be timed through the real loader — parsing, validation, quote checks and all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SyntheticKnowledge } from './synthetic.ts';

const FACTS_PER_FILE = 1000;

export async function writeKnowledgeDir(dir: string, knowledge: SyntheticKnowledge): Promise<void> {
  await mkdir(join(dir, 'facts'), { recursive: true });
  await mkdir(join(dir, 'archive'), { recursive: true });
  const yaml = (items: readonly unknown[]) => stringify(items, { lineWidth: 0 });
  const writes: Promise<void>[] = [
    writeFile(join(dir, 'sources.yaml'), yaml(knowledge.sources)),
    writeFile(join(dir, 'places.yaml'), yaml(knowledge.places)),
    writeFile(join(dir, 'claimants.yaml'), yaml(knowledge.claimants)),
    writeFile(join(dir, 'disputes.yaml'), yaml(knowledge.disputes)),
    writeFile(join(dir, 'events.yaml'), yaml(knowledge.events)),
  ];
  for (let start = 0; start < knowledge.facts.length; start += FACTS_PER_FILE) {
    const name = `part-${String(start / FACTS_PER_FILE).padStart(4, '0')}.yaml`;
    writes.push(writeFile(join(dir, 'facts', name), yaml(knowledge.facts.slice(start, start + FACTS_PER_FILE))));
  }
  for (const [sourceId, text] of knowledge.articles) writes.push(writeFile(join(dir, 'archive', `${sourceId}.txt`), text));
  await Promise.all(writes);
}
