import { ButtonStyle, ComponentType } from 'discord.js';
import { isObject } from '../lib/json-values.ts';
import type { FormErrors, FormPath } from './form-errors.ts';

// Message component limits (https://discord.com/developers/docs/components/reference). Classic messages:
// at most 5 action rows, each with up to 5 buttons or exactly one select menu. Components v2 messages
// (flag IS_COMPONENTS_V2) allow up to 40 components in total and up to 4000 characters of text display.

export const COMPONENT_LIMITS = {
  actionRows: 5,
  perRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectPlaceholder: 150,
  selectOptions: 25,
  selectOptionText: 100,
  v2Total: 40,
  v2Text: 4000,
} as const;

const SELECT_TYPES: readonly number[] = [
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
];

class ComponentWalk {
  readonly customIds = new Set<string>();
  count = 0;
  textLength = 0;
  constructor(readonly errors: FormErrors) {}

  customId(path: FormPath, value: unknown, required: boolean): void {
    this.errors.text(path, value, { max: COMPONENT_LIMITS.customId, min: 1, required });
    if (typeof value === 'string') {
      if (this.customIds.has(value)) {
        this.errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      }
      this.customIds.add(value);
    }
  }

  button(path: FormPath, b: Record<string, unknown>): void {
    const style = b.style;
    if (typeof style !== 'number' || style < 1 || style > 6) {
      this.errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
      return;
    }
    this.errors.text([...path, 'label'], b.label, { max: COMPONENT_LIMITS.buttonLabel });
    if (style === ButtonStyle.Link) {
      this.errors.text([...path, 'url'], b.url, { max: 512, min: 1, required: true });
      if (b.custom_id !== undefined) {
        this.errors.add([...path, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A custom id cannot be set on link buttons');
      }
    } else if (style === ButtonStyle.Premium) {
      if (typeof b.sku_id !== 'string') this.errors.add([...path, 'sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else {
      this.customId([...path, 'custom_id'], b.custom_id, true);
      if (b.url !== undefined) {
        this.errors.add([...path, 'url'], 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'A url can only be set on link buttons');
      }
    }
    if (style !== ButtonStyle.Premium && (b.label === undefined || b.label === '') && b.emoji === undefined) {
      this.errors.add(path, 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or an emoji is required');
    }
  }

  select(path: FormPath, s: Record<string, unknown>): void {
    this.customId([...path, 'custom_id'], s.custom_id, true);
    this.errors.text([...path, 'placeholder'], s.placeholder, { max: COMPONENT_LIMITS.selectPlaceholder });
    this.errors.integer([...path, 'min_values'], s.min_values, { min: 0, max: 25 });
    this.errors.integer([...path, 'max_values'], s.max_values, { min: 1, max: 25 });
    if (s.type === ComponentType.StringSelect) {
      const options = this.errors.list([...path, 'options'], s.options, {
        max: COMPONENT_LIMITS.selectOptions,
        min: 1,
        required: true,
      });
      options.forEach((option, i) => {
        const o = isObject(option) ? option : {};
        const at = [...path, 'options', i];
        const max = COMPONENT_LIMITS.selectOptionText;
        this.errors.text([...at, 'label'], o.label, { max, min: 1, required: true });
        this.errors.text([...at, 'value'], o.value, { max, min: 1, required: true });
        this.errors.text([...at, 'description'], o.description, { max });
      });
    }
  }

  actionRow(path: FormPath, row: Record<string, unknown>): void {
    const children = this.errors.list([...path, 'components'], row.components, {
      max: COMPONENT_LIMITS.perRow,
      min: 1,
      required: true,
    });
    const hasSelect = children.some((c) => isObject(c) && SELECT_TYPES.includes(c.type as number));
    if (hasSelect && children.length > 1) {
      this.errors.add([...path, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    }
    children.forEach((child, i) => this.interactive([...path, 'components', i], child));
  }

  interactive(path: FormPath, c: unknown): void {
    this.count += 1;
    if (!isObject(c)) {
      this.errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    } else if (c.type === ComponentType.Button) {
      this.button(path, c);
    } else if (SELECT_TYPES.includes(c.type as number)) {
      this.select(path, c);
    } else {
      this.errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {2, 3, 5, 6, 7, 8}.');
    }
  }

  /** Components v2: layout and content components, recursively. */
  v2(path: FormPath, c: unknown): void {
    if (!isObject(c)) {
      this.errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    this.count += 1;
    switch (c.type) {
      case ComponentType.ActionRow:
        this.actionRow(path, c);
        return;
      case ComponentType.TextDisplay:
        this.errors.text([...path, 'content'], c.content, { max: COMPONENT_LIMITS.v2Text, min: 1, required: true });
        if (typeof c.content === 'string') this.textLength += [...c.content].length;
        return;
      case ComponentType.Section: {
        const texts = this.errors.list([...path, 'components'], c.components, { max: 3, min: 1, required: true });
        texts.forEach((t, i) => this.v2([...path, 'components', i], t));
        if (c.accessory !== undefined) this.v2OrButton([...path, 'accessory'], c.accessory);
        return;
      }
      case ComponentType.Container: {
        const children = this.errors.list([...path, 'components'], c.components, { max: 40, min: 1, required: true });
        children.forEach((child, i) => this.v2([...path, 'components', i], child));
        return;
      }
      case ComponentType.Thumbnail:
      case ComponentType.MediaGallery:
      case ComponentType.File:
      case ComponentType.Separator:
        return;
      default:
        this.errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 9, 10, 11, 12, 13, 14, 17}.');
    }
  }

  private v2OrButton(path: FormPath, c: unknown): void {
    if (isObject(c) && c.type === ComponentType.Button) {
      this.count += 1;
      this.button(path, c);
    } else {
      this.v2(path, c);
    }
  }
}

export function validateComponents(errors: FormErrors, path: FormPath, value: unknown, componentsV2: boolean): void {
  const walk = new ComponentWalk(errors);
  if (!componentsV2) {
    const rows = errors.list(path, value, { max: COMPONENT_LIMITS.actionRows });
    rows.forEach((row, i) => {
      if (!isObject(row) || row.type !== ComponentType.ActionRow) {
        errors.add([...path, i, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1}.');
        return;
      }
      walk.actionRow([...path, i], row);
    });
    return;
  }
  const top = errors.list(path, value, { max: COMPONENT_LIMITS.v2Total });
  top.forEach((c, i) => walk.v2([...path, i], c));
  if (walk.count > COMPONENT_LIMITS.v2Total) {
    errors.add(path, 'COMPONENTS_TOO_MANY', `Must be ${COMPONENT_LIMITS.v2Total} or fewer components in total.`);
  }
  if (walk.textLength > COMPONENT_LIMITS.v2Text) {
    errors.add(path, 'COMPONENTS_TEXT_TOO_LONG', `Text display content must be ${COMPONENT_LIMITS.v2Text} or fewer in total.`);
  }
}

/** All (custom_id, component) pairs of interactive components in a message's components, any nesting. */
export function interactiveComponents(components: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (c: unknown) => {
    if (Array.isArray(c)) {
      c.forEach(visit);
      return;
    }
    if (!isObject(c)) return;
    if (c.type === ComponentType.Button || SELECT_TYPES.includes(c.type as number)) found.push(c);
    if (c.components !== undefined) visit(c.components);
    if (c.accessory !== undefined) visit(c.accessory);
  };
  visit(components);
  return found;
}
