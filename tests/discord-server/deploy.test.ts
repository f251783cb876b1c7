import { DiscordAPIError, REST, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { rejectionOf, useServerAndClient } from './bare-client.ts';
import type { DiscordServer } from './index.ts';

// Command registration through @discordjs/rest, as a deploy script does it (no gateway involved).

const COMMANDS = [
  {
    name: 'patrol',
    description: 'Show one joint patrol',
    options: [{ type: 4, name: 'number', description: 'Patrol number', required: true, min_value: 1, max_value: 100 }],
  },
  { name: 'reload', description: 'Reload the fact base', default_member_permissions: '0' },
  { type: 3, name: 'Find patrol facts' },
];

const session = useServerAndClient();

async function deployer(): Promise<[DiscordServer, REST]> {
  const server = await session.startServer();
  return [server, new REST({ api: server.apiUrl }).setToken(server.token)];
}

describe('bulk overwrite', () => {
  it('deploying the same guild commands twice stores the same commands (ids and versions unchanged)', async () => {
    const [s, rest] = await deployer();
    const route = Routes.applicationGuildCommands(s.applicationId, s.guild.id);
    const first = (await rest.put(route, { body: COMMANDS })) as { id: string; name: string; version: string }[];
    const second = (await rest.put(route, { body: COMMANDS })) as typeof first;

    expect(second).toEqual(first);
    expect(first.map((c) => c.name)).toEqual(['patrol', 'reload', 'Find patrol facts']);
    expect(await rest.get(route)).toEqual(first);
    expect(s.commands.list(s.guild.id)).toEqual(first);
    expect(s.commands.list()).toEqual([]); // nothing global
    expect(s.requestsTo('PUT /applications/:app/guilds/:guild/commands')).toHaveLength(2);
  });

  it('changing a command keeps its id but bumps its version; dropping one removes it', async () => {
    const [s, rest] = await deployer();
    const route = Routes.applicationCommands(s.applicationId);
    const [patrol] = (await rest.put(route, { body: COMMANDS })) as { id: string; version: string }[];
    const changed = [{ ...COMMANDS[0]!, description: 'Show a patrol' }];
    const [patrolAgain, ...rest2] = (await rest.put(route, { body: changed })) as { id: string; version: string }[];
    expect(patrolAgain?.id).toBe(patrol?.id);
    expect(patrolAgain?.version).not.toBe(patrol?.version);
    expect(rest2).toEqual([]);
  });

  it('refuses an invalid command list with 50035 and keeps the old one', async () => {
    const [s, rest] = await deployer();
    const route = Routes.applicationGuildCommands(s.applicationId, s.guild.id);
    await rest.put(route, { body: COMMANDS });
    const bad = [
      { name: 'Patrol', description: 'uppercase name' },
      { name: 'where', description: 'x', options: [{ type: 3, name: 'place', description: 'p', autocomplete: true, choices: [{ name: 'a', value: 'a' }] }] },
    ];
    const error = (await rejectionOf(rest.put(route, { body: bad }))) as DiscordAPIError;
    expect(error.code).toBe(50035);
    expect(s.requestsTo('PUT /applications/:app/guilds/:guild/commands')[1]?.issues.map((i) => i.path)).toEqual([
      '0.name',
      '1.options.0.autocomplete',
    ]);
    expect(s.commands.list(s.guild.id).map((c) => c.name)).toEqual(['patrol', 'reload', 'Find patrol facts']);
  });

  it("rejects another application's commands and a missing token", async () => {
    const [s, rest] = await deployer();
    const other = (await rejectionOf(rest.put(Routes.applicationCommands('1234567890123456789'), { body: [] }))) as DiscordAPIError;
    expect(other.status).toBe(403);
    const anonymous = new REST({ api: s.apiUrl });
    const wrong = (await rejectionOf(anonymous.setToken('wrong').get(Routes.applicationCommands(s.applicationId)))) as DiscordAPIError;
    expect(wrong.status).toBe(401);
  });
});
