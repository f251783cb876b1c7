/** discord.js interaction objects → the transport-neutral `Incoming` of the interaction layer. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteraction,
  CommandInteractionOption,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Incoming, OptionValues } from '../../interactions/types.ts';

function optionValues(options: readonly CommandInteractionOption[]): OptionValues {
  return Object.fromEntries(options.filter((o) => o.value !== undefined && o.value !== null).map((o) => [o.name, o.value as string | number | boolean]));
}

/** The member's permissions as Discord sent them with the interaction; none outside a server. */
function permissionsOf(interaction: CommandInteraction): { memberPermissions?: string } {
  return interaction.memberPermissions ? { memberPermissions: interaction.memberPermissions.bitfield.toString() } : {};
}

export function fromChatInput(interaction: ChatInputCommandInteraction): Incoming {
  return { kind: 'command', name: interaction.commandName, options: optionValues(interaction.options.data), userId: interaction.user.id, ...permissionsOf(interaction) };
}

export function fromMessageContextMenu(interaction: MessageContextMenuCommandInteraction): Incoming {
  const target = interaction.targetMessage;
  return {
    kind: 'command',
    name: interaction.commandName,
    options: {},
    userId: interaction.user.id,
    targetMessage: { id: target.id, content: target.content },
    ...permissionsOf(interaction),
  };
}

export function fromAutocomplete(interaction: AutocompleteInteraction): Incoming {
  const focused = interaction.options.getFocused(true);
  return {
    kind: 'autocomplete',
    name: interaction.commandName,
    options: optionValues(interaction.options.data),
    focused: String(focused.value ?? ''),
    userId: interaction.user.id,
  };
}

export function fromButton(interaction: ButtonInteraction): Incoming {
  return { kind: 'button', customId: interaction.customId, userId: interaction.user.id };
}
