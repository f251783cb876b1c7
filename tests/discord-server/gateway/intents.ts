import { ApplicationFlags, GatewayIntentBits } from 'discord.js';

// Privileged gateway intents (https://discord.com/developers/docs/events/gateway#privileged-intents) and
// the application flags that say they are enabled.

/** Intents that must be switched on in the Developer Portal before a bot may request them. */
export const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** Bits 0-25: every intent Discord defines today; anything higher closes the connection with 4013. */
export const ALL_INTENTS = (1 << 26) - 1;

export const PRIVILEGED_INTENT_NAMES: Record<number, string> = {
  [GatewayIntentBits.GuildMembers]: 'GUILD_MEMBERS',
  [GatewayIntentBits.GuildPresences]: 'GUILD_PRESENCES',
  [GatewayIntentBits.MessageContent]: 'MESSAGE_CONTENT',
};

export function privilegedIntentNames(intents: number): string[] {
  return Object.entries(PRIVILEGED_INTENT_NAMES)
    .filter(([bit]) => (intents & Number(bit)) !== 0)
    .map(([, name]) => name);
}

/** Application flags that say each enabled privileged intent is on, as for an app in under 100 servers. */
export function applicationFlags(enabledPrivileged: number): number {
  let flags: number = ApplicationFlags.ApplicationCommandBadge;
  if (enabledPrivileged & GatewayIntentBits.GuildPresences) flags |= ApplicationFlags.GatewayPresenceLimited;
  if (enabledPrivileged & GatewayIntentBits.GuildMembers) flags |= ApplicationFlags.GatewayGuildMembersLimited;
  if (enabledPrivileged & GatewayIntentBits.MessageContent) flags |= ApplicationFlags.GatewayMessageContentLimited;
  return flags;
}
