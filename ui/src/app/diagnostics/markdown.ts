/**
 * The small Markdown subset the guides are written in, parsed into blocks the guide page renders with
 * Angular templates (never as HTML, so nothing in a file can inject markup): `#`/`##`/`###` headings with
 * an optional `{#anchor}`, paragraphs, `-` and `1.` lists (continuation lines indented), fenced code blocks
 * (```` ```lang ````; the docs in `docs/` show commands and API calls in them), and inline `code`, **bold**
 * and [links](target).
 */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'bold'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string };

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3;
      readonly id: string | null;
      readonly text: string;
    }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'code'; readonly language: string; readonly text: string }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      /** The first number of an ordered list (a list interrupted by a code block goes on counting). */
      readonly start: number;
      readonly items: readonly (readonly Inline[])[];
    };

const HEADING = /^(#{1,3})\s+(.*?)(?:\s+\{#([a-z0-9-]+)\})?\s*$/;
const BULLET = /^-\s+(.*)$/;
const NUMBERED = /^(\d+)\.\s+(.*)$/;
const FENCE = /^```\s*([a-z]*)/;
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  let code: { language: string; lines: string[] } | null = null;

  const flush = () => {
    if (paragraph.length) {
      blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
      paragraph = [];
    }
    if (list) {
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map(parseInline),
      });
      list = null;
    }
  };

  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const fence = FENCE.exec(line);
    if (code) {
      if (fence && !fence[1]) {
        blocks.push({ kind: 'code', language: code.language, text: code.lines.join('\n') });
        code = null;
      } else {
        code.lines.push(raw);
      }
      continue;
    }
    if (fence) {
      flush();
      code = { language: fence[1], lines: [] };
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      const level = heading[1].length as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, id: heading[3] ?? null, text: heading[2] });
    } else if (bullet || numbered) {
      const ordered = !!numbered;
      if (paragraph.length || (list && list.ordered !== ordered)) {
        flush();
      }
      list ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push(bullet ? bullet[1] : numbered![2]);
    } else if (list && /^\s+/.test(raw)) {
      list.items[list.items.length - 1] += ' ' + line.trim();
    } else {
      if (list) {
        flush();
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const inlines: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) {
      inlines.push({ kind: 'text', text: text.slice(last, match.index) });
    }
    if (match[1] !== undefined) {
      inlines.push({ kind: 'code', text: match[1] });
    } else if (match[2] !== undefined) {
      inlines.push({ kind: 'bold', text: match[2] });
    } else {
      inlines.push({ kind: 'link', text: match[3], href: match[4] });
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    inlines.push({ kind: 'text', text: text.slice(last) });
  }
  return inlines;
}
