import { Parser } from "htmlparser2";

/**
 * A deliberately small element tree. linkedom's DOM costs ~10 ms to build and Readability ~30 ms
 * to walk on a median news page (measured on the extraction dev set), far above the 20 ms budget
 * for 50 pages/s; plain arrays of children built from htmlparser2's event stream cost ~2 ms.
 */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
}
export type Node = El | string;

/** Elements whose content is never article text; dropped while parsing so later passes never see them. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "svg",
  "template",
  "iframe",
  "object",
  "embed",
  "canvas",
  "math",
  "select",
  "option",
  "button",
  "textarea",
]);
const MAX_DEPTH = 400;
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

export interface ParsedHtml {
  root: El;
  /** Raw text of every `<script type="application/ld+json">`, for the metadata reader. */
  jsonLd: string[];
}

export function parseHtml(html: string): ParsedHtml {
  const root: El = { tag: "#root", attrs: {}, children: [], parent: null };
  const jsonLd: string[] = [];
  let cur = root;
  let depth = 0;
  let flattened = 0;
  let skipDepth = 0;
  let skipTag = "";
  let ldBuf: string | null = null;
  let noscript: El | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0) {
          if (name === skipTag) skipDepth++;
          if (noscript && (name === "img" || name === "picture")) noscript.attrs.img = "1";
          return;
        }
        if (SKIP.has(name)) {
          if (name === "script" && /ld\+json/i.test(attrs.type ?? "")) ldBuf = "";
          // Lazy-loading pages put the real <img> in <noscript>; keep an empty marker so that the
          // caption next to it is still recognised as a caption.
          if (name === "noscript") {
            noscript = { tag: "noscript", attrs: {}, children: [], parent: cur };
            cur.children.push(noscript);
          }
          skipDepth = 1;
          skipTag = name;
          return;
        }
        const el: El = { tag: name, attrs, children: [], parent: cur };
        cur.children.push(el);
        if (VOID.has(name)) return;
        // Thousands of unclosed tags would nest as deep and overflow the recursive passes: past
        // MAX_DEPTH, elements become siblings (their text is kept, their nesting is not).
        if (depth >= MAX_DEPTH) flattened++;
        else {
          cur = el;
          depth++;
        }
      },
      ontext(text) {
        if (skipDepth > 0) {
          if (ldBuf !== null) ldBuf += text;
          return;
        }
        const last = cur.children[cur.children.length - 1];
        if (typeof last === "string") cur.children[cur.children.length - 1] = last + text;
        else cur.children.push(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (name === skipTag && --skipDepth === 0) {
            if (ldBuf !== null) jsonLd.push(ldBuf);
            ldBuf = null;
            noscript = null;
          }
          return;
        }
        if (VOID.has(name)) return;
        if (flattened > 0) {
          flattened--;
          return;
        }
        // htmlparser2 reports implied closes too, so the current element is the one closing.
        if (cur.parent) {
          cur = cur.parent;
          depth--;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return { root, jsonLd };
}

export function isEl(n: Node): n is El {
  return typeof n !== "string";
}

/** Depth-first walk over elements; return false from `visit` to skip an element's subtree. */
export function walk(el: El, visit: (e: El) => boolean | void): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (visit(c) === false) continue;
    walk(c, visit);
  }
}

export function findAll(el: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  walk(el, (e) => {
    if (pred(e)) out.push(e);
  });
  return out;
}

export function findFirst(el: El, pred: (e: El) => boolean): El | null {
  let found: El | null = null;
  walk(el, (e) => {
    if (found) return false;
    if (pred(e)) {
      found = e;
      return false;
    }
  });
  return found;
}

export function textOf(n: Node): string {
  if (typeof n === "string") return n;
  let s = "";
  for (const c of n.children) s += typeof c === "string" ? c : c.tag === "br" ? "\n" : textOf(c);
  return s;
}
