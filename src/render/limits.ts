/**
 * Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Lengths are measured in UTF-16 code units (String.length), which is never less than what Discord
 * counts, so staying within them here stays within them there.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
} as const;
