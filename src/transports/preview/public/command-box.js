// The command box: what a user types in Discord, with the same autocomplete (the server asks the
// bot's own autocomplete handlers). A combobox: arrows move through the suggestions, Enter or Tab
// takes one, Escape closes them; Enter with none chosen asks the command.

import { getJson } from './api.js';
import { el } from './discord.js';

/**
 * @param {HTMLFormElement} form
 * @param {HTMLInputElement} input
 * @param {HTMLUListElement} list
 * @param {(command: string) => void} onAsk
 */
export function commandBox(form, input, list, onAsk) {
  /** @type {{ label: string, description?: string, text: string }[]} */
  let suggestions = [];
  let active = -1;
  let asked = 0;

  const show = () => {
    list.replaceChildren(
      ...suggestions.map((s, i) => {
        const li = el('li', 'suggestion');
        li.id = `suggestion-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        li.append(el('span', 'label', s.label));
        if (s.description) li.append(el('span', 'description', s.description));
        // mousedown, not click: the input keeps its focus.
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          take(i);
        });
        return li;
      }),
    );
    const open = suggestions.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const close = () => {
    suggestions = [];
    active = -1;
    show();
  };

  const refresh = async () => {
    const mine = ++asked;
    // As in Discord, a failed autocomplete shows nothing rather than an error.
    const found = await getJson(`/api/complete?q=${encodeURIComponent(input.value)}`).then((r) => r.suggestions, () => []);
    // A slower answer to an earlier keystroke must not replace a newer one.
    if (mine !== asked || document.activeElement !== input) return;
    // The one picked with the arrows stays picked if it is still offered (answers arrive as keys are typed).
    const picked = suggestions[active]?.label;
    suggestions = found;
    active = picked === undefined ? -1 : found.findIndex((s) => s.label === picked);
    show();
  };

  const take = (i) => {
    const chosen = suggestions[i];
    if (!chosen) return;
    input.value = chosen.text;
    input.setSelectionRange(input.value.length, input.value.length);
    void refresh();
  };

  input.addEventListener('input', () => void refresh());
  input.addEventListener('focus', () => void refresh());
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    const open = suggestions.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return void refresh();
      event.preventDefault();
      // -1 is the text as typed: the arrows cycle through it and every suggestion.
      const n = suggestions.length;
      active = event.key === 'ArrowDown' ? (active + 1 >= n ? -1 : active + 1) : active - 1 < -1 ? n - 1 : active - 1;
      show();
      list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    } else if ((event.key === 'Enter' || event.key === 'Tab') && open && active >= 0) {
      event.preventDefault();
      take(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    close();
    onAsk(input.value);
  });
}
