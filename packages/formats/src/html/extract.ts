import { type El, type Node, findFirst, textOf } from "./dom.ts";

/**
 * Main-text extraction on the small tree from `dom.ts`. The scoring follows Readability's idea
 * (paragraph-rich containers win, link-heavy ones lose), then each paragraph-level block of the
 * winner is judged on its own, the way trafilatura does, so that share bars, "Related" lists,
 * newsletter boxes and captions inside the article container are dropped too.
 */

const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
  "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
  "figure", "figcaption", "form", "fieldset", "address", "center", "details", "summary", "hr", "body", "html",
  "caption", "picture", "video", "audio", "hgroup", "menu",
]);
const HEADING = /^h[1-6]$/;

/** Elements never part of an article body, whatever their content. */
const DROP_TAGS = new Set(["nav", "aside", "footer", "figcaption", "input", "label", "head", "title", "meta", "link", "dialog", "menu", "video", "audio", "picture", "img", "map"]);

/** class/id words of page furniture (Readability's list, plus news-site furniture seen across publishers). */
const UNLIKELY =
  /(^|[-_\s])(ad|ads|adv|advert|advertisement|banner|breadcrumbs?|combx|comments?|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor(ed)?|supplemental|ad-break|agegate|pagination|pager|popup|modal|newsletter|subscribe|subscription|signup|promo|share|sharing|sharebar|toolbar|outbrain|taboola|recirc|recommend(ed|ations)?|more-stories|most-popular|trending|tags?|tag-list|caption|credit|byline|author|author-bio|bio|meta|dateline|timestamp|print|widget|jump|skip|hidden|visually-hidden|sr-only|screen-reader|read-more|readmore|also|see-also|paywall|teaser|inline-ad|newsletter-signup|video-player|media-caption)($|[-_\s])/i;
const LIKELY = /(^|[-_\s])(article|body|content|main|story|post|entry|text|prose|rich-text|mathjax)($|[-_\s])/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe/i;

function attrWords(el: El): string {
  return `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
}

function isHidden(el: El): boolean {
  if ("hidden" in el.attrs) return true;
  if (el.attrs["aria-hidden"] === "true" && el.tag !== "span") return true;
  const style = el.attrs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function textLengths(el: El, into: Map<El, number>): number {
  let n = 0;
  for (const c of el.children) n += typeof c === "string" ? c.trim().length : textLengths(c, into);
  into.set(el, n);
  return n;
}

/**
 * Containers whose class/id names furniture are dropped, unless they hold a large share of the page's
 * text: class words are too loose to trust alone ("non-ad-column", "elementor-widget-container",
 * WordPress "tag-foo" post classes and "m-advertisement-off-canvas--pusher" all wrap real articles).
 */
const PRUNE_MAX_SHARE = 0.3;

/** Removes furniture in place: hidden elements, navigation, and containers whose class/id says they are not content. */
function prune(body: El): void {
  const lengths = new Map<El, number>();
  const total = textLengths(body, lengths) || 1;
  const go = (el: El) => {
    el.children = el.children.filter((c) => {
      if (typeof c === "string") return true;
      if (DROP_TAGS.has(c.tag) || isHidden(c)) return false;
      if (c.tag !== "article" && c.tag !== "main") {
        const w = attrWords(c);
        if (w.length > 1 && UNLIKELY.test(w) && !LIKELY.test(w) && (lengths.get(c) ?? 0) < PRUNE_MAX_SHARE * total) return false;
      }
      go(c);
      return true;
    });
  };
  go(body);
}

interface Block {
  text: string;
  linkChars: number;
  tag: string;
  /** The nearest enclosing element that holds this block's text. */
  el: El;
  inList: boolean;
}

const normSpace = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, " ").trim();

/** Flattens an element into paragraph-level blocks, in document order. */
function blocksOf(root: El): Block[] {
  const out: Block[] = [];
  let buf = "";
  let links = 0;
  let owner: El = root;
  let ownerTag = root.tag;
  let inList = false;
  const flush = () => {
    const text = normSpace(buf);
    if (text) out.push({ text, linkChars: Math.min(links, text.length), tag: ownerTag, el: owner, inList });
    buf = "";
    links = 0;
  };
  const visit = (n: Node, inLink: boolean, listDepth: number) => {
    if (typeof n === "string") {
      buf += n;
      if (inLink) links += normSpace(n).length;
      return;
    }
    if (n.tag === "br") {
      // Two <br> in a row are how many CMSs separate paragraphs.
      buf += "\n";
      return;
    }
    if (BLOCK.has(n.tag)) {
      flush();
      const prev = [owner, ownerTag, inList] as const;
      owner = n;
      ownerTag = n.tag;
      inList = listDepth > 0 || n.tag === "li";
      const ld = n.tag === "ul" || n.tag === "ol" ? listDepth + 1 : listDepth;
      for (const c of n.children) visit(c, inLink, ld);
      flush();
      [owner, ownerTag, inList] = prev;
      return;
    }
    const link = inLink || n.tag === "a";
    for (const c of n.children) visit(c, link, listDepth);
  };
  for (const c of root.children) visit(c, false, 0);
  flush();
  // Split blocks on blank-line <br><br> runs into separate paragraphs.
  const split: Block[] = [];
  for (const b of out) {
    for (const part of b.text.split(/\n\s*\n/)) {
      const t = normSpace(part);
      if (t) split.push({ ...b, text: t, linkChars: b.text === t ? b.linkChars : Math.round((b.linkChars * t.length) / b.text.length) });
    }
  }
  return split;
}

function hasBlockChild(el: El): boolean {
  return el.children.some((c) => typeof c !== "string" && BLOCK.has(c.tag));
}

interface Scored {
  score: number;
  text: number;
  links: number;
}

/** Readability's candidate scoring over paragraph blocks: each block feeds its parent, grandparent and, fading, further ancestors. */
function pickContainer(body: El, blocks: Block[]): El {
  const scores = new Map<El, Scored>();
  const init = (el: El): Scored => {
    let s = scores.get(el);
    if (!s) {
      let base = 0;
      if (el.tag === "div" || el.tag === "article" || el.tag === "main" || el.tag === "section") base = 5;
      else if (el.tag === "pre" || el.tag === "td" || el.tag === "blockquote") base = 3;
      else if (["address", "ol", "ul", "dl", "dd", "dt", "li", "form"].includes(el.tag)) base = -3;
      else if (HEADING.test(el.tag) || el.tag === "th") base = -5;
      const w = attrWords(el);
      if (el.tag === "article" || el.tag === "main") base += 10;
      if (w.trim()) {
        if (NEGATIVE.test(w)) base -= 25;
        if (POSITIVE.test(w)) base += 25;
      }
      if (el.attrs.itemprop === "articleBody") base += 40;
      s = { score: base, text: 0, links: 0 };
      scores.set(el, s);
    }
    return s;
  };
  for (const b of blocks) {
    if (b.text.length < 25 || HEADING.test(b.tag)) continue;
    const para = b.el;
    let score = 1 + (b.text.match(/[,،、，]/g)?.length ?? 0) + Math.min(Math.floor(b.text.length / 100), 3);
    score *= 1 - b.linkChars / b.text.length;
    // A block's own element plays Readability's <p>, unless it also holds blocks (then the text is a bare run inside it).
    let anc: El | null = hasBlockChild(para) ? para : para.parent;
    for (let level = 0; anc && level < 5; level++, anc = anc.parent) {
      const s = init(anc);
      s.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
      s.text += b.text.length;
      s.links += b.linkChars;
      if (anc === body) break;
    }
  }
  let best: El = body;
  let bestScore = -Infinity;
  for (const [el, s] of scores) {
    const final = s.score * (1 - (s.text ? s.links / s.text : 0));
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  return best;
}

export interface MainText {
  /** Paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
}

/** Lines that are page furniture wherever they appear (any language the dev pages showed, plus the obvious ones). */
const JUNK_LINE =
  /^(advertisement|advertisements|adverti[sz]ing|anzeige|publicidade|publicidad|sponsored|story continues below|continue reading|read more|read next|see also|related|related articles?|related stories|more from|recommended|share|share this|share this article|tweet|email|print|comments?|leave a comment|sign up|subscribe|log ?in|click here|follow us|skip to|back to top|loading|close|menu|next|previous|photo|image)\b.{0,80}$/i;

/**
 * Extracts the article text of a parsed page.
 * @example extractMainText(parseHtml(html).root, { title: "Headline" }).text
 */
export function extractMainText(root: El, opts: { title?: string } = {}): MainText {
  const body = findFirst(root, (e) => e.tag === "body") ?? root;
  prune(body);
  const blocks = blocksOf(body);
  const container = pickContainer(body, blocks);
  const inside = new Set<El>();
  const mark = (el: El) => {
    inside.add(el);
    for (const c of el.children) if (typeof c !== "string") mark(c);
  };
  mark(container);
  const chosen = blocks.filter((b) => inside.has(b.el));
  const title = opts.title ? normSpace(opts.title).toLowerCase() : "";
  const paragraphs: string[] = [];
  for (const b of chosen) {
    const len = b.text.length;
    const density = b.linkChars / len;
    if (density > 0.5 && len < 400) continue;
    if (len < 120 && JUNK_LINE.test(b.text)) continue;
    if (title && b.text.toLowerCase() === title) continue;
    paragraphs.push(b.text);
  }
  return { text: paragraphs.join("\n\n"), paragraphs };
}



/**
 * Text of an HTML fragment that is all article (a feed item's content): furniture is pruned and
 * junk lines dropped, but no container is chosen.
 * @example fragmentText(parseHtml("<p>One.</p><p>Two.</p>").root) // "One.\n\nTwo."
 */
export function fragmentText(root: El): string {
  const body = findFirst(root, (e) => e.tag === "body") ?? root;
  prune(body);
  return blocksOf(body)
    .map((b) => b.text)
    .filter((t) => !(t.length < 120 && JUNK_LINE.test(t)))
    .join("\n\n");
}
