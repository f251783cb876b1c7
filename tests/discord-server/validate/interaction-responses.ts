import { ApplicationCommandOptionType, ComponentType } from 'discord.js';
import { isObject } from '../lib/json-values.ts';
import { FormErrors } from './form-errors.ts';

// Autocomplete results and modals, the two interaction responses that are not messages.

export const AUTOCOMPLETE_LIMITS = { choices: 25, name: 100, value: 100 } as const;
export const MODAL_LIMITS = { title: 45, customId: 100, components: 5, textInputValue: 4000, label: 45 } as const;

/**
 * `focusedType` is the option type of the focused option: Discord checks each choice value against it
 * (strings for STRING options, integers for INTEGER, numbers for NUMBER).
 */
export function validateAutocompleteResult(data: unknown, focusedType: number | undefined): void {
  const errors = new FormErrors();
  const d = isObject(data) ? data : {};
  const choices = errors.list(['data', 'choices'], d.choices, { max: AUTOCOMPLETE_LIMITS.choices, required: true });
  choices.forEach((choice, i) => {
    const at = ['data', 'choices', i];
    const c = isObject(choice) ? choice : {};
    errors.text([...at, 'name'], c.name, { max: AUTOCOMPLETE_LIMITS.name, min: 1, required: true });
    const value = c.value;
    if (value === undefined || value === null) {
      errors.add([...at, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if (focusedType === ApplicationCommandOptionType.Integer && !(typeof value === 'number' && Number.isInteger(value))) {
      errors.add([...at, 'value'], 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not int.`);
    } else if (focusedType === ApplicationCommandOptionType.Number && typeof value !== 'number') {
      errors.add([...at, 'value'], 'NUMBER_TYPE_COERCE', `Value "${String(value)}" is not a valid number.`);
    } else if (focusedType === ApplicationCommandOptionType.String || focusedType === undefined) {
      errors.text([...at, 'value'], value, { max: AUTOCOMPLETE_LIMITS.value });
    }
  });
  errors.throwIfAny();
}

export function validateModal(data: unknown): void {
  const errors = new FormErrors();
  const d = isObject(data) ? data : {};
  errors.text(['data', 'custom_id'], d.custom_id, { max: MODAL_LIMITS.customId, min: 1, required: true });
  errors.text(['data', 'title'], d.title, { max: MODAL_LIMITS.title, min: 1, required: true });
  const components = errors.list(['data', 'components'], d.components, {
    max: MODAL_LIMITS.components,
    min: 1,
    required: true,
  });
  components.forEach((component, i) => {
    const at = ['data', 'components', i];
    const c = isObject(component) ? component : {};
    // Legacy modals wrap each text input in an action row; newer ones use label components.
    let input: unknown;
    if (c.type === ComponentType.ActionRow) {
      const inner = errors.list([...at, 'components'], c.components, { max: 1, min: 1, required: true });
      input = inner[0];
    } else if (c.type === ComponentType.Label) {
      errors.text([...at, 'label'], c.label, { max: MODAL_LIMITS.label, min: 1, required: true });
      input = c.component;
    } else if (c.type === ComponentType.TextDisplay) {
      return;
    } else {
      errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 10, 18}.');
      return;
    }
    if (!isObject(input)) return;
    if (input.type === ComponentType.TextInput) {
      errors.text([...at, 'custom_id'], input.custom_id, { max: MODAL_LIMITS.customId, min: 1, required: true });
      errors.text([...at, 'value'], input.value, { max: MODAL_LIMITS.textInputValue });
      errors.integer([...at, 'min_length'], input.min_length, { min: 0, max: 4000 });
      errors.integer([...at, 'max_length'], input.max_length, { min: 1, max: 4000 });
    }
  });
  errors.throwIfAny();
}
