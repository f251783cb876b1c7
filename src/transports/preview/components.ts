/** Every component of a message at any depth: containers hold rows and texts, rows hold buttons. */
import type { APIMessageComponent, APIMessageTopLevelComponent } from 'discord.js';
import type { MessageData } from '../../interactions/types.ts';

type AnyComponent = APIMessageTopLevelComponent | APIMessageComponent;

export function* eachComponent(message: MessageData): Generator<AnyComponent> {
  const stack: AnyComponent[] = [...(message.components ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    yield c;
    if ('components' in c && Array.isArray(c.components)) stack.push(...[...(c.components as AnyComponent[])].reverse());
  }
}
