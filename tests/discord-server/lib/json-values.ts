// Checks on parsed JSON that request handlers and validators share.

/** A JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Length in characters (code points), as Discord counts it; 0 for anything that is not a string. */
export const charLength = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);
