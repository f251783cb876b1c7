// A Discord message payload (what the bot sends: Components V2 or plain content) drawn as Discord's
// dark theme draws it. Buttons and menus call `onPress` with their custom id (and the value picked);
// the page asks the server what the bot would answer.

import { markdownNodes } from './markdown.js';

const TYPE = { row: 1, button: 2, stringSelect: 3, section: 9, text: 10, thumbnail: 11, gallery: 12, file: 13, separator: 14, container: 17 };
const BUTTON_STYLE = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };
const FLAG_EPHEMERAL = 1 << 6;

/**
 * @typedef {{ message: any, markdown: Record<string, any[]>, card?: string, kind: string }} Shown
 * @typedef {{ onPress(customId: string, value?: string): void }} Handlers
 */

export function isEphemeral(message) {
  return ((message.flags ?? 0) & FLAG_EPHEMERAL) !== 0;
}

/** The body of a message: its content, then its components. @param {Shown} shown @param {Handlers} handlers */
export function messageBody(shown, handlers) {
  const body = el('div', 'msg-body');
  const { message } = shown;
  if (message.content) body.append(text(shown, message.content, 'msg-content'));
  for (const component of message.components ?? []) body.append(component_(component, shown, handlers));
  return body;
}

function component_(c, shown, handlers) {
  switch (c.type) {
    case TYPE.container: {
      const box = el('div', 'v2-container');
      if (typeof c.accent_color === 'number') {
        // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
        box.style.setProperty('--accent', `#${c.accent_color.toString(16).padStart(6, '0')}`);
        box.classList.add('has-accent');
      }
      for (const child of c.components ?? []) box.append(component_(child, shown, handlers));
      return box;
    }
    case TYPE.text:
      return text(shown, c.content ?? '', 'v2-text');
    case TYPE.separator: {
      const sep = el(c.divider === false ? 'div' : 'hr', `v2-separator spacing-${c.spacing === 2 ? 'large' : 'small'}`);
      return sep;
    }
    case TYPE.row: {
      const row = el('div', 'v2-row');
      for (const child of c.components ?? []) row.append(component_(child, shown, handlers));
      return row;
    }
    case TYPE.button:
      return button(c, handlers);
    case TYPE.stringSelect:
      return select(c, handlers);
    case TYPE.section: {
      const section = el('div', 'v2-section');
      const texts = el('div', 'v2-section-texts');
      for (const child of c.components ?? []) texts.append(component_(child, shown, handlers));
      section.append(texts);
      if (c.accessory) section.append(component_(c.accessory, shown, handlers));
      return section;
    }
    case TYPE.thumbnail:
      return media(c.media?.url, c.description, shown, 'v2-thumbnail');
    case TYPE.gallery: {
      const gallery = el('div', 'v2-gallery');
      for (const item of c.items ?? []) gallery.append(media(item.media?.url, item.description, shown, 'v2-gallery-item'));
      return gallery;
    }
    case TYPE.file: {
      const file = el('div', 'v2-file');
      file.textContent = `📄 ${String(c.file?.url ?? '').replace(/^attachment:\/\//, '')}`;
      return file;
    }
    default: {
      const unknown = el('div', 'v2-unknown');
      unknown.textContent = `(component type ${String(c.type)}: not drawn by the preview)`;
      return unknown;
    }
  }
}

function text(shown, content, className) {
  const box = el('div', className);
  const nodes = shown.markdown[content];
  if (nodes) box.append(markdownNodes(nodes));
  else box.textContent = content;
  return box;
}

function emojiText(emoji) {
  return emoji ? (emoji.id ? `:${emoji.name ?? 'emoji'}:` : (emoji.name ?? '')) : '';
}

function button(c, handlers) {
  const style = BUTTON_STYLE[c.style] ?? 'secondary';
  const link = style === 'link' && /^https?:\/\//i.test(c.url ?? '');
  const b = link ? el('a', `v2-button ${style}`) : el('button', `v2-button ${style}`);
  if (link) {
    b.href = c.url;
    b.target = '_blank';
    b.rel = 'noopener noreferrer';
  } else {
    b.type = 'button';
    b.disabled = Boolean(c.disabled);
    if (c.custom_id) {
      b.dataset.customId = c.custom_id;
      b.addEventListener('click', () => handlers.onPress(c.custom_id));
    }
  }
  const emoji = emojiText(c.emoji);
  if (emoji) b.append(el('span', 'emoji', emoji));
  if (c.label) b.append(el('span', 'label', c.label));
  return b;
}

let selectCount = 0;

/** Discord's select menu: a closed box with the placeholder; open, a list of options with emoji and description. */
function select(c, handlers) {
  const id = `select-${++selectCount}`;
  const wrapper = el('div', 'v2-select');
  const toggle = el('button', 'v2-select-toggle');
  toggle.type = 'button';
  toggle.disabled = Boolean(c.disabled);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', id);
  toggle.append(el('span', 'placeholder', c.placeholder ?? 'Make a selection'), el('span', 'chevron', '⌄'));
  const list = el('ul', 'v2-select-options');
  list.id = id;
  list.hidden = true;
  const close = (focusToggle) => {
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (focusToggle) toggle.focus();
  };
  for (const option of c.options ?? []) {
    const item = el('li');
    const b = el('button', 'v2-select-option');
    b.type = 'button';
    b.dataset.value = option.value;
    const emoji = emojiText(option.emoji);
    if (emoji) b.append(el('span', 'emoji', emoji));
    const words = el('span', 'words');
    words.append(el('span', 'label', option.label ?? ''));
    if (option.description) words.append(el('span', 'description', option.description));
    b.append(words);
    b.addEventListener('click', () => {
      close(false);
      handlers.onPress(c.custom_id, option.value);
    });
    item.append(b);
    list.append(item);
  }
  toggle.addEventListener('click', () => {
    const opening = list.hidden;
    list.hidden = !opening;
    toggle.setAttribute('aria-expanded', String(opening));
    if (opening) list.querySelector('button')?.focus();
  });
  wrapper.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    const buttons = [...list.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, buttons.length - 1) : Math.max(at - 1, 0);
      buttons[next]?.focus();
    }
  });
  wrapper.append(toggle, list);
  return wrapper;
}

/** A picture: `attachment://name` is served by the preview for the card shown; any other URL is not fetched. */
function media(url, description, shown, className) {
  const figure = el('figure', className);
  const alt = description || 'picture';
  const name = /^attachment:\/\/(.+)$/.exec(url ?? '')?.[1];
  const placeholder = () => {
    figure.replaceChildren(el('div', 'media-missing', `🖼️ ${alt}`));
  };
  if (!name || !shown.card) {
    placeholder();
    return figure;
  }
  const img = el('img');
  img.alt = alt;
  img.addEventListener('error', placeholder, { once: true });
  img.src = `/attachments/${encodeURIComponent(name)}?card=${encodeURIComponent(shown.card)}`;
  figure.append(img);
  return figure;
}

/** @param {string} tag @param {string} [className] @param {string} [textContent] */
export function el(tag, className, textContent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}
