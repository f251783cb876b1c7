/** The /reload reply: what was loaded, or every problem found (the old fact base stays live). */
import { shortVersion } from '../knowledge/build.ts';
import { renderNotice } from '../render/discord.ts';
import { truncateWords } from '../render/truncate.ts';
import type { ReloadOutcome } from '../runtime/knowledge-store.ts';
import type { MessageData } from './types.ts';

/** Discord's limit on a plain message's content. */
const CONTENT_MAX = 2000;

export function reloadReport(outcome: ReloadOutcome): MessageData {
  if (outcome.ok) {
    const what = outcome.changed ? 'Reloaded the knowledge files' : 'The knowledge files have not changed';
    return renderNotice(`**${what}**: ${outcome.facts} facts, version \`${shortVersion(outcome.version)}\` (${outcome.ms} ms).`);
  }
  const kept = outcome.keptVersion ? `Still serving version \`${shortVersion(outcome.keptVersion)}\`.` : 'No fact base is loaded yet.';
  const head = `**Reload refused: ${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'} in the knowledge files.** ${kept}\n\`\`\`\n`;
  const body = truncateWords(outcome.issues.join('\n').replaceAll('```', "'''"), CONTENT_MAX - head.length - 4);
  return renderNotice(`${head}${body}\n\`\`\``);
}
