/**
 * Who may run a command, checked by the bot itself. Discord hides a command from members without
 * its `default_member_permissions`, but an HTTP endpoint only has a signature to go on, and a
 * server admin can widen a command's audience in the server's settings. So a command that changes
 * the bot (/reload) checks the member's permissions as the interaction reports them, with the
 * same rule Discord applies to the declared default.
 */
import { PermissionFlagsBits } from 'discord.js';

/**
 * Whether a member whose permissions are `memberPermissions` (Discord's bitfield as a decimal
 * string; undefined outside a server: a DM or a user-installed app) may use a command that declares
 * `declared` as its default_member_permissions. Administrators may use everything; '0' means
 * administrators only; otherwise every declared bit is needed.
 */
export function mayUse(declared: string | null | undefined, memberPermissions: string | undefined): boolean {
  if (declared === null || declared === undefined) return true;
  const granted = bitfield(memberPermissions);
  const needed = bitfield(declared);
  if (granted === null || needed === null) return false;
  if ((granted & PermissionFlagsBits.Administrator) !== 0n) return true;
  return needed !== 0n && (granted & needed) === needed;
}

function bitfield(text: string | undefined): bigint | null {
  return text !== undefined && /^\d{1,30}$/.test(text) ? BigInt(text) : null;
}
