// Discord markdown, already parsed by the server (markdown.ts), as DOM nodes. Text only ever goes
// in through textContent / text nodes: nothing from the knowledge files is read as HTML.

/** @typedef {{ t: string, text?: string, children?: MdNode[], level?: number, href?: string, ordered?: boolean, start?: number, items?: MdNode[][] }} MdNode */

const TAGS = { strong: 'strong', em: 'em', underline: 'u', strike: 's' };

/**
 * @param {readonly MdNode[]} nodes
 * @returns {DocumentFragment}
 */
export function markdownNodes(nodes) {
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(markdownNode(node));
  return fragment;
}

/** @param {MdNode} node @returns {Node} */
function markdownNode(node) {
  switch (node.t) {
    case 'text':
      return document.createTextNode(node.text ?? '');
    case 'br':
      return document.createElement('br');
    case 'strong':
    case 'em':
    case 'underline':
    case 'strike':
      return wrap(TAGS[node.t], node.children);
    case 'spoiler': {
      // As in Discord: hidden until pressed. A button, so the keyboard can reveal it too.
      const el = wrap('button', node.children, 'md-spoiler');
      el.type = 'button';
      el.setAttribute('aria-label', 'Spoiler: press to reveal');
      el.addEventListener('click', () => el.classList.add('revealed'), { once: true });
      return el;
    }
    case 'heading':
      return wrap(`h${Math.min(Math.max(node.level ?? 1, 1), 3)}`, node.children, 'md-heading');
    case 'small':
      return wrap('small', node.children, 'md-small');
    case 'quote':
      return wrap('blockquote', node.children, 'md-quote');
    case 'code':
      return textElement('code', 'md-code', node.text);
    case 'codeblock':
      return textElement('pre', 'md-codeblock', node.text);
    case 'link': {
      // The server sends only http(s) links; checked again here, since an href is where script could hide.
      if (!/^https?:\/\//i.test(node.href ?? '')) return markdownNodes(node.children ?? []);
      const a = wrap('a', node.children, 'md-link');
      a.href = node.href ?? '';
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    case 'mention':
      return textElement('span', 'md-mention', node.text);
    case 'list': {
      const list = document.createElement(node.ordered ? 'ol' : 'ul');
      list.className = 'md-list';
      if (node.ordered && node.start && node.start !== 1) list.start = node.start;
      for (const item of node.items ?? []) {
        const li = document.createElement('li');
        li.append(markdownNodes(item));
        list.append(li);
      }
      return list;
    }
    default:
      return markdownNodes(node.children ?? []);
  }
}

/** @param {string} tag @param {string} className @param {string | undefined} text */
function textElement(tag, className, text) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text ?? '';
  return el;
}

/** @param {string} tag @param {readonly MdNode[] | undefined} children @param {string} [className] */
function wrap(tag, children, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.append(markdownNodes(children ?? []));
  return el;
}
