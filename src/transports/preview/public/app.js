// The preview page: ask a command or open a card from the lists, see the message the bot would send,
// press its buttons as a Discord user would, and follow every saved knowledge file live (the server
// pushes its status as Server-Sent Events; the page then asks again for what it shows).

import { getJson } from './api.js';
import { commandBox } from './command-box.js';
import { el, isEphemeral, messageBody } from './discord.js';
import { drawChanges, drawHealth, drawLists, drawServing } from './status.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * What the conversation shows: each message with the request that produced it, so that after a
 * reload every message can be asked for again and show the new version.
 * @type {{ request: string, shown: any, intro?: string, at: Date }[]}
 */
let messages = [];
let seq = -1;
let drawnLists = '';
let drawnChanges = '';

/** A request that failed (the server stopped, a bug): said where the command's problems are said. */
function failed(err) {
  const error = $('ask-error');
  error.textContent = `The preview server did not answer: ${err instanceof Error ? err.message : String(err)}`;
  error.hidden = false;
}

function clock(date) {
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function drawConversation(focusIndex) {
  const list = $('conversation');
  const items = messages.map((entry, i) => {
    const li = el('li', 'message');
    li.tabIndex = -1;
    const ephemeral = isEphemeral(entry.shown.message);
    li.classList.toggle('ephemeral', ephemeral);
    const main = el('div', 'msg-main');
    if (entry.intro) main.append(el('div', 'msg-reply', entry.intro));
    const head = el('div', 'msg-head');
    head.append(el('span', 'avatar', 'M4'), el('span', 'author', 'M4 Patrol'), el('span', 'app-tag', 'APP'), el('time', 'msg-time', `Today at ${clock(entry.at)}`));
    main.append(head, messageBody(entry.shown, { onPress: (customId, value) => press(i, customId, value).catch(failed) }));
    if (ephemeral) {
      const note = el('div', 'ephemeral-note');
      const dismiss = el('button', 'link-button', 'Dismiss message');
      dismiss.type = 'button';
      dismiss.addEventListener('click', () => {
        messages.splice(i, 1);
        drawConversation();
      });
      note.append('👁️ Only you can see this · ', dismiss);
      main.append(note);
    }
    const json = el('pre', 'json', JSON.stringify(entry.shown.message, null, 2));
    json.setAttribute('aria-label', 'JSON payload');
    li.append(main, json);
    return li;
  });
  list.replaceChildren(...items);
  if (focusIndex !== undefined) items[focusIndex]?.focus();
}

async function ask(command) {
  const error = $('ask-error');
  const request = `/api/ask?q=${encodeURIComponent(command)}`;
  const result = await getJson(request);
  if (!result.ok) {
    error.textContent = `${result.problem}  ·  usage: ${result.usage}`;
    error.hidden = false;
    return;
  }
  error.hidden = true;
  messages = [{ request, shown: result.shown, intro: `You used ${command.trim()}`, at: new Date() }];
  drawConversation();
}

async function openCard(target, label) {
  const request = `/api/open?target=${encodeURIComponent(target)}`;
  const shown = await getJson(request);
  messages = [{ request, shown, intro: `Opened ${label ?? 'a card'} from the lists`, at: new Date() }];
  drawConversation();
}

/** A press on message i: a panel or card only the presser sees comes below, or replaces a card only they saw. */
async function press(i, customId, value) {
  const from = messages[i];
  if (!from) return;
  const params = new URLSearchParams({ id: customId, ephemeral: isEphemeral(from.shown.message) ? '1' : '0' });
  if (value !== undefined) params.set('value', value);
  const request = `/api/press?${params}`;
  const shown = await getJson(request);
  const entry = { request, shown, at: new Date() };
  if (shown.kind === 'update') {
    messages[i] = entry;
    drawConversation(i);
  } else {
    messages.push(entry);
    drawConversation(messages.length - 1);
  }
}

/** After a reload: every message asked for again, in place, from the version now served. */
async function refreshConversation() {
  const fresh = await Promise.all(messages.map((m) => getJson(m.request).then((shown) => (shown.ok === undefined ? shown : shown.shown), () => null)));
  messages = messages.flatMap((m, i) => (fresh[i] ? [{ ...m, shown: fresh[i] }] : []));
  const focused = [...$('conversation').children].indexOf(document.activeElement);
  drawConversation(focused >= 0 ? focused : undefined);
}

function onStatus(status) {
  drawServing($('serving'), status);
  drawHealth($('health-body'), $('health'), status);
  const listsJson = JSON.stringify(status.lists);
  if (listsJson !== drawnLists) {
    drawnLists = listsJson;
    drawLists($('lists'), status, (target) => openCard(target, labelOf(status, target)).catch(failed));
  }
  const changesJson = JSON.stringify(status.changed);
  if (changesJson !== drawnChanges) {
    drawnChanges = changesJson;
    drawChanges($('changes-body'), status, (target) => openCard(target, labelOf(status, target)).catch(failed));
  }
  const moved = seq !== -1 && status.seq !== seq;
  seq = status.seq;
  document.body.dataset.seq = String(seq);
  if (moved && messages.length > 0) refreshConversation().catch(failed);
}

function labelOf(status, target) {
  for (const list of Object.values(status.lists ?? {})) {
    const entry = list.find((e) => e.target === target);
    if (entry) return entry.label;
  }
  return status.changed?.cards.find((c) => c.target === target)?.label;
}

function start() {
  commandBox(/** @type {HTMLFormElement} */ ($('ask')), /** @type {HTMLInputElement} */ ($('command')), /** @type {HTMLUListElement} */ ($('suggestions')), (command) => ask(command).catch(failed));
  const toggle = /** @type {HTMLInputElement} */ ($('show-json'));
  toggle.addEventListener('change', () => $('conversation').classList.toggle('show-json', toggle.checked));
  const events = new EventSource('/api/events');
  events.addEventListener('status', (event) => onStatus(JSON.parse(/** @type {MessageEvent} */ (event).data)));
  events.addEventListener('error', () => {
    $('serving').textContent = 'Disconnected from the preview server: reconnecting…';
  });
}

start();
