/**
 * Discord's limits on a Components V2 message (https://discord.com/developers/docs/components/reference).
 * Lengths are measured in UTF-16 code units (String.length), which is never less than what Discord
 * counts, so staying within them here stays within them there.
 */
export const V2_LIMITS = {
  /** Components in one message, nested ones (buttons in rows, rows in a container) counted. */
  components: 40,
  /** Characters across every text display of one message. */
  text: 4000,
  buttonsPerRow: 5,
  selectOptions: 25,
  /** Characters of a custom id, and of a select option's value. */
  customId: 100,
  /** An attachment's description, and a media gallery item's (its alt text). */
  mediaDescription: 1024,
} as const;
