// Gateway intent bits (https://discord.com/developers/docs/events/gateway#gateway-intents).
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Intents that must be switched on in the Developer Portal before a bot may request them. */
export const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

/** Bits 0-25: every intent Discord defines today; anything higher closes the connection with 4013. */
export const ALL_INTENTS = (1 << 26) - 1;

export const PRIVILEGED_INTENT_NAMES: Record<number, string> = {
  [Intent.GuildMembers]: 'GUILD_MEMBERS',
  [Intent.GuildPresences]: 'GUILD_PRESENCES',
  [Intent.MessageContent]: 'MESSAGE_CONTENT',
};

export function privilegedIntentNames(intents: number): string[] {
  return Object.entries(PRIVILEGED_INTENT_NAMES)
    .filter(([bit]) => (intents & Number(bit)) !== 0)
    .map(([, name]) => name);
}

// Application flags that say a privileged intent is enabled for an app under 100 servers.
export const ApplicationFlag = {
  GatewayPresenceLimited: 1 << 13,
  GatewayGuildMembersLimited: 1 << 15,
  GatewayMessageContentLimited: 1 << 19,
  ApplicationCommandBadge: 1 << 23,
} as const;

export function applicationFlags(enabledPrivileged: number): number {
  let flags = ApplicationFlag.ApplicationCommandBadge;
  if (enabledPrivileged & Intent.GuildPresences) flags |= ApplicationFlag.GatewayPresenceLimited;
  if (enabledPrivileged & Intent.GuildMembers) flags |= ApplicationFlag.GatewayGuildMembersLimited;
  if (enabledPrivileged & Intent.MessageContent) flags |= ApplicationFlag.GatewayMessageContentLimited;
  return flags;
}
