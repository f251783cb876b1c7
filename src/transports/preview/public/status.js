// The top of the page and the side lists, drawn from the server's status: the checker's report, the
// version being served, the cards that changed with the last reload, and every card to open.

import { el } from './discord.js';

const LISTS = [
  ['commands', 'Commands'],
  ['patrols', 'Patrols'],
  ['attacks', 'Attacks'],
  ['places', 'Places'],
  ['sources', 'Sources'],
];
const PARTS = { card: 'the card', quotes: 'quotes & sources', disputes: 'disputes' };

function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "Showing version 1a2b3c4d5e6f, loaded 10:22:01": the last good one while a file is broken. */
export function drawServing(target, status) {
  const broken = status.health && !status.health.ok;
  target.classList.toggle('stale', Boolean(broken && status.serving));
  if (!status.serving) {
    target.textContent = broken ? 'No good version yet: fix the problems below.' : 'Loading the knowledge files…';
    return;
  }
  const version = el('code', 'version', status.serving.version);
  target.replaceChildren(
    broken ? '⚠️ The files have problems: showing the last good version ' : 'Showing version ',
    version,
    `, loaded ${time(status.serving.loadedAt)}`,
  );
}

/** The knowledge:check summary, or every problem as path:line: field: message, grouped by file. */
export function drawHealth(target, section, status) {
  const health = status.health;
  section.classList.toggle('ok', Boolean(health?.ok));
  section.classList.toggle('broken', Boolean(health && !health.ok));
  if (!health) {
    target.textContent = 'Loading the knowledge files…';
    return;
  }
  if (health.ok) {
    target.replaceChildren(el('span', 'health-mark', '✅'), el('code', 'summary', health.summary));
    return;
  }
  const files = health.files.length;
  const heading = el('p', 'health-heading', `❌ ${health.problems} problem${health.problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  const groups = health.files.map((file) => {
    const group = el('section', 'problem-file');
    group.append(el('h3', 'problem-path', file.path));
    const list = el('ul', 'problems');
    for (const problem of file.problems) list.append(el('li', 'problem', problem));
    group.append(list);
    return group;
  });
  target.replaceChildren(heading, ...groups);
}

/** @param {(target: string) => void} onOpen */
export function drawChanges(target, status, onOpen) {
  const changed = status.changed;
  if (!changed) return;
  const intro = el('p', 'muted');
  intro.append('From ', el('code', 'version', changed.from), ' to ', el('code', 'version', changed.to));
  if (changed.cards.length === 0) {
    target.replaceChildren(intro, el('p', 'muted', 'no card changed.'));
    return;
  }
  const list = el('ul', 'changed-cards');
  for (const card of changed.cards) {
    const li = el('li', `changed ${card.status}`);
    const what = card.status === 'changed' ? `changed: ${card.parts.map((p) => PARTS[p] ?? p).join(', ')}` : card.status === 'added' ? 'new card' : 'no longer there';
    if (card.target) {
      const b = el('button', 'list-entry');
      b.type = 'button';
      const words = el('span', 'words');
      words.append(el('span', 'label', card.label), el('span', 'description', what));
      b.append(words);
      b.addEventListener('click', () => onOpen(card.target));
      li.append(b);
    } else {
      li.append(el('span', 'label', card.label), el('span', 'description', what));
    }
    list.append(li);
  }
  target.replaceChildren(intro, list);
}

/** Every patrol, attack, place and source, as the bot's menus offer them. @param {(target: string) => void} onOpen */
export function drawLists(target, status, onOpen) {
  const lists = status.lists;
  if (!lists) return;
  const open = new Set([...target.querySelectorAll('details[open]')].map((d) => d.dataset.list));
  const sections = LISTS.map(([key, title]) => {
    const details = el('details', 'list');
    details.dataset.list = key;
    // Open as the maintainer left them; at first, all but the long ones.
    details.open = open.size > 0 || target.childElementCount > 0 ? open.has(key) : key !== 'places';
    details.append(el('summary', undefined, `${title} (${lists[key].length})`));
    const ul = el('ul');
    for (const entry of lists[key]) {
      const b = el('button', 'list-entry');
      b.type = 'button';
      b.dataset.target = entry.target;
      if (entry.emoji) b.append(el('span', 'emoji', entry.emoji));
      const words = el('span', 'words');
      words.append(el('span', 'label', entry.label));
      if (entry.description) words.append(el('span', 'description', entry.description));
      b.append(words);
      b.addEventListener('click', () => onOpen(entry.target));
      const li = el('li');
      li.append(b);
      ul.append(li);
    }
    details.append(ul);
    return details;
  });
  target.replaceChildren(...sections);
}
