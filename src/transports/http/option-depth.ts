/**
 * How deep a command's options may nest: a sub-command group holds sub-commands, which hold
 * options, and Discord allows nothing deeper. A signed body can still nest a thousand levels in
 * 64 KiB, and the schema that validates options walks them recursively, so the depth is measured
 * first, level by level without recursion, and anything deeper is refused as malformed.
 */

/** Group → sub-command → option. */
export const MAX_OPTION_DEPTH = 3;

/** Whether `data.options` (of a command interaction's `data`, unvalidated) nests deeper than Discord allows. */
export function optionsTooDeep(data: unknown): boolean {
  let level = optionsOf(data);
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_OPTION_DEPTH) return true;
    level = level.flatMap(optionsOf);
  }
  return false;
}

function optionsOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const options = (value as { options?: unknown }).options;
  return Array.isArray(options) ? options : [];
}
