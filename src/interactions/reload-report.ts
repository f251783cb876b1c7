/** The /reload reply: what was loaded, or every problem found (the old fact base stays live). */
import type { ReloadOutcome } from '../runtime/knowledge-store.ts';
import { DISCORD_LIMITS } from '../render/limits.ts';
import { truncateWords } from '../render/truncate.ts';
import type { MessageData } from './types.ts';

export function reloadReport(outcome: ReloadOutcome): MessageData {
  if (outcome.ok) {
    const what = outcome.changed ? 'Reloaded the knowledge files' : 'The knowledge files have not changed';
    return {
      embeds: [{ title: what, description: `${outcome.facts} facts, version \`${outcome.version.slice(0, 12)}\` (${outcome.ms} ms).`, color: 0x2e7d32 }],
      allowed_mentions: { parse: [] },
    };
  }
  const kept = outcome.keptVersion ? `Still serving version \`${outcome.keptVersion.slice(0, 12)}\`.` : 'No fact base is loaded yet.';
  return {
    embeds: [
      {
        title: `Reload refused: ${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'} in the knowledge files`,
        description: truncateWords(`${kept}\n\`\`\`\n${outcome.issues.join('\n').replaceAll('```', "'''")}`, DISCORD_LIMITS.description - 4) + '\n```',
        color: 0xc62828,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
