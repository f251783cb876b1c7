/** The committed JSON Schemas match the zod schemas, and VS Code is wired to them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from '../../src/knowledge/json-schema.ts';
import { PROJECT_DIR } from './helpers.ts';

describe('knowledge/schema/*.schema.json', () => {
  const rendered = renderJsonSchemas();

  it('are up to date with src/knowledge/schema.ts (else run npm run knowledge:schema)', () => {
    for (const [name, text] of rendered) {
      expect(readFileSync(join(PROJECT_DIR, 'knowledge/schema', name), 'utf8'), name).toBe(text);
    }
  });

  it('describe the input side: defaulted fields are optional, unknown fields are flagged', () => {
    const facts = JSON.parse(rendered.get('facts.schema.json')!);
    expect(facts.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(facts.type).toBe('array');
    expect(facts.items.additionalProperties).toBe(false);
    expect(facts.items.required).toEqual(
      expect.arrayContaining(['id', 'statement', 'quote', 'source', 'claimant', 'kind', 'date', 'date_precision', 'date_basis']),
    );
    expect(facts.items.required).not.toContain('tags');
    expect(facts.items.required).not.toContain('places');
    expect(facts.items.properties.kind.enum).toContain('attack');
    expect(facts.items.allOf).toContainEqual(
      expect.objectContaining({ if: expect.objectContaining({ properties: { kind: { const: 'attack' } } }) }),
    );
    const sources = JSON.parse(rendered.get('sources.schema.json')!);
    expect(sources.items.required).not.toContain('non_article');
  });

  it('are mapped to the YAML files in .vscode/settings.json, and named in the files themselves', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT_DIR, '.vscode/settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual({
      './knowledge/schema/sources.schema.json': ['knowledge/sources.yaml'],
      './knowledge/schema/places.schema.json': ['knowledge/places.yaml'],
      './knowledge/schema/claimants.schema.json': ['knowledge/claimants.yaml'],
      './knowledge/schema/disputes.schema.json': ['knowledge/disputes.yaml'],
      './knowledge/schema/events.schema.json': ['knowledge/events.yaml'],
      './knowledge/schema/facts.schema.json': ['knowledge/facts/*.yaml'],
    });
    for (const name of rendered.keys()) {
      expect(() => readFileSync(join(PROJECT_DIR, 'knowledge/schema', name))).not.toThrow();
    }
  });
});
