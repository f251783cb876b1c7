/**
 * Interaction bodies shaped like the ones Discord POSTs (API v10), trimmed to the fields a real
 * request always has plus the ones the endpoint reads.
 */
import { randomBytes } from 'node:crypto';

export const APPLICATION_ID = '1100000000000000001';
export const ASKER = '1200000000000000002';
export const SOMEONE_ELSE = '1200000000000000003';

let sequence = 0;
const nextId = () => `13000000000000${String(++sequence).padStart(5, '0')}`;

/** The token Discord issues per interaction: the credential for its follow-up webhook. */
const token = () => `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;

type Option = { name: string; type: number; value?: string | number | boolean; focused?: boolean };

function base(type: number, userId: string, inGuild: boolean) {
  const user = { id: userId, username: `user${userId.slice(-3)}`, discriminator: '0', global_name: null, avatar: null };
  return {
    id: nextId(),
    application_id: APPLICATION_ID,
    type,
    token: token(),
    version: 1,
    app_permissions: '0',
    locale: 'en-GB',
    entitlements: [],
    authorizing_integration_owners: {},
    ...(inGuild
      ? { guild_id: '1400000000000000004', channel_id: '1500000000000000005', member: { user, roles: [], permissions: '0', joined_at: '2020-03-05T00:00:00.000Z' } }
      : { channel_id: '1500000000000000006', user }),
  };
}

export const ping = () => ({ id: nextId(), application_id: APPLICATION_ID, type: 1, token: token(), version: 1 });

/** Option types used by the bot's commands. */
export const OptionType = { String: 3, Integer: 4, Boolean: 5 } as const;

export function slash(name: string, options: Option[] = [], userId = ASKER, inGuild = true) {
  return { ...base(2, userId, inGuild), data: { id: nextId(), name, type: 1, options } };
}

export function autocomplete(name: string, options: Option[], userId = ASKER) {
  return { ...base(4, userId, true), data: { id: nextId(), name, type: 1, options } };
}

export function messageCommand(name: string, target: { id: string; content: string }, userId = ASKER) {
  return {
    ...base(2, userId, true),
    data: {
      id: nextId(),
      name,
      type: 3,
      target_id: target.id,
      resolved: {
        messages: {
          [target.id]: {
            id: target.id,
            channel_id: '1500000000000000005',
            content: target.content,
            author: { id: SOMEONE_ELSE, username: 'poster', discriminator: '0', global_name: null, avatar: null },
            timestamp: '2020-07-22T10:00:00.000Z',
            embeds: [],
            attachments: [],
            mentions: [],
            mention_roles: [],
            pinned: false,
            mention_everyone: false,
            tts: false,
            type: 0,
          },
        },
      },
    },
  };
}

/** A press on a message of the bot's; `ephemeral` when that message is only for the presser. */
export function buttonPress(customId: string, userId = ASKER, ephemeral = false) {
  return {
    ...base(3, userId, true),
    message: { id: nextId(), channel_id: '1500000000000000005', content: '', embeds: [], components: [], flags: ephemeral ? 32768 | 64 : 32768 },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A choice in a select menu of the bot's. */
export function selectChoice(customId: string, values: string[], userId = ASKER, ephemeral = false) {
  return {
    ...base(3, userId, true),
    message: { id: nextId(), channel_id: '1500000000000000005', content: '', embeds: [], components: [], flags: ephemeral ? 32768 | 64 : 32768 },
    data: { custom_id: customId, component_type: 3, values },
  };
}

/** A slash command from a member who installed the bot to their account, asked in a DM: no guild, no member. */
export function userInstallSlash(name: string, options: Option[] = [], userId = ASKER) {
  return { ...slash(name, options, userId, false), context: 1, authorizing_integration_owners: { '1': userId } };
}
