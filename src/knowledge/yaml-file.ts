/**
 * One knowledge YAML file, parsed once, that can say on which line any entry or field stands.
 *
 * The `yaml` package keeps source offsets on every node; a LineCounter turns them into line numbers.
 * Lines are only looked up when a problem is reported, so a clean load of thousands of entries
 * pays for parsing and nothing more: the parsed document is not kept (holding thousands of node
 * trees makes the garbage collector work hard), and a file is parsed again for its nodes only
 * when one of its entries has a problem to point at.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { KnowledgeIssue } from '../domain/types.ts';

/** A step into an entry: a field name or a list index. */
export type FieldPath = readonly (string | number)[];

export interface YamlFile {
  /** Path inside the knowledge directory: `facts/sofrep.yaml`. */
  readonly name: string;
  /** Path as reported: `knowledge/facts/sofrep.yaml`. */
  readonly path: string;
  /** What the entries are called in field paths: `facts` gives `facts[3].date`. */
  readonly label: string;
  /** The top-level list, or null when the file is not a list or did not parse. */
  readonly entries: readonly unknown[] | null;
  /** The parsed document with its line counter, parsed again on first use. */
  readonly located: () => { readonly doc: Document; readonly lines: LineCounter };
}

export interface ParsedYaml {
  readonly file: YamlFile;
  readonly issues: KnowledgeIssue[];
}

/**
 * The parser's message, with what a person editing the file most likely did when it says something
 * only a YAML implementer would follow: a tab in the indentation, an unquoted value with ": " in it,
 * a line indented further than its field, a second document.
 */
function syntaxMessage(error: YAMLError, lines: readonly string[], line: number): string {
  const here = lines[line - 1] ?? '';
  const next = lines[line] ?? '';
  if (error.code === 'MULTIPLE_DOCS') return 'a second "---" starts another YAML document; a knowledge file is one list, so remove it';
  const tabbed = [here, next].find((l) => /^[ ]*\t/.test(l));
  if (tabbed !== undefined) return `${error.message}: line ${tabbed === here ? line : line + 1} is indented with a tab, and YAML indents with spaces only`;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    if (/^\s*(- )?[\w-]+: [^'"].*: /.test(here)) return `${error.message}: a value with ": " in it must be in quotation marks, e.g. statement: "Note: …"`;
    if (indentOf(next) > indentOf(here)) return `${error.message}: line ${line + 1} is indented further than the field on this line`;
  }
  return error.message;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/**
 * Parse `text`. A syntax error is reported at the line the parser names; a file with any of them
 * yields no entries, since what the parser recovered from broken YAML may not be what was meant.
 * An empty file (only comments or whitespace) is an empty list.
 */
export function parseYamlFile(name: string, path: string, label: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  // prettyErrors off: we print our own `path:line:` prefix and want the parser's bare message.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  // One broken bracket or indent makes the parser report a cascade of errors after it: the first
  // is the one to fix, so only it is reported, with a count of the rest.
  const [first, ...rest] = doc.errors;
  const firstLine = first ? lines.linePos(first.pos[0]).line : 0;
  const issues: KnowledgeIssue[] = first
    ? [
        {
          path,
          line: firstLine,
          field: label,
          message:
            `YAML syntax error: ${syntaxMessage(first, text.split(/\r?\n/), firstLine)}` +
            (rest.length > 0 ? ` (and ${rest.length} more after it, often caused by this one)` : ''),
        },
      ]
    : [];
  let entries: unknown[] | null = null;
  if (issues.length === 0) {
    const data = documentData(doc);
    if (data instanceof Error) {
      issues.push({ path, line: 1, field: label, message: `YAML could not be read: ${data.message}` });
    } else if (data === null || data === undefined || text.trim() === '') {
      entries = [];
    } else if (Array.isArray(data)) {
      entries = data;
    } else {
      issues.push({
        path,
        line: doc.contents ? lines.linePos(doc.contents.range[0]).line : 1,
        field: label,
        message: `must be a YAML list of ${label}, each entry starting with "- "`,
      });
    }
  }
  let located: { doc: Document; lines: LineCounter } | undefined;
  const locate = () => {
    if (!located) {
      const again = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: again, prettyErrors: false }), lines: again };
    }
    return located;
  };
  return { file: { name, path, label, entries, located: locate }, issues };
}

/** `facts[3].places[1]` for the path [3, 'places', 1] in a facts file. */
export function fieldLabel(file: YamlFile, fieldPath: FieldPath): string {
  let out = file.label;
  for (const step of fieldPath) out += typeof step === 'number' ? `[${step}]` : `.${step}`;
  return out;
}

/**
 * The line of the field at `fieldPath` (its key, for a map entry), or of the nearest enclosing node
 * that exists: a missing field is reported at its entry.
 */
function lineOf(file: YamlFile, fieldPath: FieldPath): number {
  const { doc, lines } = file.located();
  let node: unknown = doc.contents;
  let line = node ? lineAt(lines, node as Node) : 1;
  for (const step of fieldPath) {
    if (typeof step === 'number' && isSeq(node)) {
      node = node.items[step];
      if (!node) break;
      line = lineAt(lines, node as Node);
    } else if (typeof step === 'string' && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
      if (!pair) break;
      line = isScalar(pair.key) && pair.key.range ? lines.linePos(pair.key.range[0]).line : line;
      node = pair.value;
    } else {
      break;
    }
  }
  return line;
}

function lineAt(lines: LineCounter, node: Node): number {
  return node.range ? lines.linePos(node.range[0]).line : 1;
}

/**
 * Where a field of an entry is, as messages point to another entry: `knowledge/places.yaml:22`
 * (`entry.index` is the entry's place in its file's list, `fieldPath` a field inside it).
 */
export function lineRef(entry: { readonly file: YamlFile; readonly index: number }, fieldPath: FieldPath): string {
  return `${entry.file.path}:${lineOf(entry.file, [entry.index, ...fieldPath])}`;
}

/** An issue about the field at `fieldPath` of `file`, located by `lineOf`. */
export function issueAt(
  file: YamlFile,
  fieldPath: FieldPath,
  message: string,
  locateAt: FieldPath = fieldPath,
): KnowledgeIssue {
  return { path: file.path, line: lineOf(file, locateAt), field: fieldLabel(file, fieldPath), message };
}

/**
 * The document as plain data, or the error that stopped it: the parser guards against alias bombs
 * ("Excessive alias count…") by throwing here, and such a file must be reported like any other
 * problem, never thrown at a running bot.
 */
function documentData(doc: Document): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
