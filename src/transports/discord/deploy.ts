/**
 * `npm run deploy`: register the slash and context-menu commands. A bulk overwrite (PUT) replaces
 * the whole set, so running it twice changes nothing. With DISCORD_GUILD_ID the commands go to that
 * development guild, where they appear at once; without it they are global.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { commandDefinitions } from '../../interactions/registry.ts';
import { ConfigError, loadConfig, requireDiscord, type Config } from '../../runtime/config.ts';

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly names: readonly string[];
}

export async function deployCommands(config: Config): Promise<DeployResult> {
  const { token, applicationId } = requireDiscord(config);
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(token);
  const guild = config.DISCORD_GUILD_ID;
  const route = guild ? Routes.applicationGuildCommands(applicationId, guild) : Routes.applicationCommands(applicationId);
  const stored = (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
  return { scope: guild ? 'guild' : 'global', names: stored.map((c) => c.name) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const config = loadConfig();
    const result = await deployCommands(config);
    const where = result.scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all guilds (global: may take up to an hour to appear)';
    console.log(`deployed ${result.names.length} commands to ${where}: ${result.names.join(', ')}`);
  } catch (err) {
    const message = err instanceof ConfigError ? `configuration: ${err.message}` : `deploy failed: ${(err as Error).message}`;
    console.error(message);
    process.exitCode = 1;
  }
}
