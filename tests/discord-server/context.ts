import type { Gateway } from './gateway/gateway.ts';
import type { CommandStore } from './model/commands.ts';
import type { InteractionHandle } from './model/interactions.ts';
import type { MessageStore } from './model/messages.ts';
import type { World } from './model/world.ts';

/** What route handlers and payload builders share: the one fake Discord behind a server instance. */
export interface ServerContext {
  world: World;
  gatewayUrl: string;
  /** What GET /gateway/bot recommends as the shard count. */
  recommendedShards: number;
  /** Privileged intents enabled in the imaginary Developer Portal. */
  enabledPrivilegedIntents: number;
  commands: CommandStore;
  messages: MessageStore;
  gateway: Gateway;
  interactions: InteractionRegistry;
}

export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionHandle>();
  private readonly byToken = new Map<string, InteractionHandle>();

  add(handle: InteractionHandle): void {
    this.byId.set(handle.id, handle);
    this.byToken.set(handle.token, handle);
  }

  get(id: string): InteractionHandle | undefined {
    return this.byId.get(id);
  }

  withToken(token: string): InteractionHandle | undefined {
    return this.byToken.get(token);
  }

  all(): InteractionHandle[] {
    return [...this.byId.values()];
  }

  dispose(): void {
    for (const handle of this.byId.values()) handle.dispose();
  }
}
