import { PermissionFlagsBits } from 'discord.js';

// Permission sets of the fake guild, as bigint like Discord's permission strings.

const P = PermissionFlagsBits;

/** Every permission bit Discord currently defines (what an administrator effectively has). */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** Roughly what @everyone gets in a freshly created server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.UseExternalStickers |
  P.SendMessagesInThreads;

/** What a bot invited with the usual "send messages + embed links" scopes gets through its managed role. */
export const DEFAULT_BOT_ROLE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.AddReactions |
  P.UseExternalEmojis |
  P.SendMessagesInThreads;
