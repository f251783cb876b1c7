/** discord.js interaction objects → the transport-neutral `Incoming` of the interaction layer. */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteraction,
  type CommandInteractionOption,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
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

export function fromComponent(interaction: ButtonInteraction | StringSelectMenuInteraction): Incoming {
  return {
    kind: 'component',
    customId: interaction.customId,
    ...(interaction.isStringSelectMenu() && { values: interaction.values }),
    userId: interaction.user.id,
    ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
  };
}
