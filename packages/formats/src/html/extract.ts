import { type El, type Node, findFirst } from "./dom.ts";

/**
 * Main-text extraction on the small tree from `dom.ts`. The scoring follows Readability's idea
 * (paragraph-rich containers win, link-heavy ones lose), then each paragraph-level block of the
 * winner is judged on its own, the way trafilatura does, so that share bars, "Related" lists,
 * newsletter boxes and captions inside the article container are dropped too.
 */

const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "figure",
  "figcaption",
  "form",
  "fieldset",
  "address",
  "center",
  "details",
  "summary",
  "hr",
  "body",
  "html",
  "caption",
  "picture",
  "video",
  "audio",
  "hgroup",
  "menu",
]);
const HEADING = /^h[1-6]$/;

/** Elements never part of an article body, whatever their content. */
const DROP_TAGS = new Set([
  "nav",
  "aside",
  "footer",
  "figcaption",
  "input",
  "label",
  "head",
  "title",
  "meta",
  "link",
  "dialog",
  "menu",
  "map",
]);
const INLINE = new Set([
  "a",
  "span",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "small",
  "mark",
  "abbr",
  "cite",
  "q",
  "sup",
  "sub",
  "time",
  "font",
  "code",
  "s",
  "del",
  "ins",
]);
const MEDIA = new Set(["img", "picture", "video", "audio", "figure"]);

/** class/id words of page furniture (Readability's list, plus news-site furniture seen across publishers). */
const UNLIKELY =
  /(^|[-_\s])(ad|ads|adv|advert|advertisement|banner|breadcrumbs?|combx|comments?|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor(ed)?|supplemental|ad-break|agegate|pagination|pager|popup|modal|newsletter|subscribe|subscription|signup|promo|share|sharing|sharebar|toolbar|outbrain|taboola|recirc|recommend(ed|ations)?|more-stories|most-popular|trending|tags?|tag-list|caption|credit|byline|author|author-bio|bio|meta|dateline|timestamp|print|widget|jump|skip|hidden|visually-hidden|sr-only|screen-reader|read-more|readmore|also|see-also|paywall|teaser|inline-ad|newsletter-signup|video-player|media-caption|dek|standfirst|subtitle|sub-title|kicker|eyebrow|strapline)($|[-_\s])/i;
/** Furniture words that are safe to match inside camelCase or compound class names ("InlineImage-imageEmbedCaption"). */
const UNLIKELY_ANYWHERE =
  /caption|byline|newsletter|sharebar|share-?tools|social|comment|related|promo|advert|cookie|consent|sidebar|breadcrumb|subscribe|outbrain|taboola|disqus|recirc/i;
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

function textLengths(el: El, into: Map<El, number>, paras: Map<El, number>): number {
  let n = 0;
  let p = 0;
  for (const c of el.children) {
    if (typeof c === "string") n += c.trim().length;
    else {
      n += textLengths(c, into, paras);
      p += paras.get(c) ?? 0;
    }
  }
  if (el.tag === "p" && n >= PROSE_PARAGRAPH_CHARS) p++;
  into.set(el, n);
  paras.set(el, p);
  return n;
}

/** A <p> this long is prose; a container with several of them is content whatever its class says. */
const PROSE_PARAGRAPH_CHARS = 150;
const PROSE_PARAGRAPHS_KEEP = 3;

/**
 * Containers whose class/id names furniture are dropped, unless they hold a large share of the page's
 * text: class words are too loose to trust alone ("non-ad-column", "elementor-widget-container",
 * WordPress "tag-foo" post classes and "m-advertisement-off-canvas--pusher" all wrap real articles).
 */
const PRUNE_MAX_SHARE = 0.3;

/** Removes furniture in place: hidden elements, navigation, and containers whose class/id says they are not content. */
function prune(body: El): void {
  const lengths = new Map<El, number>();
  const paras = new Map<El, number>();
  const total = textLengths(body, lengths, paras) || 1;
  const go = (el: El) => {
    el.children = el.children.filter((c) => {
      if (typeof c === "string") return true;
      if (DROP_TAGS.has(c.tag) || isHidden(c)) return false;
      // Inline elements are judged by their block: a linked name with class "tag-link" is still text.
      if (c.tag !== "article" && c.tag !== "main" && !INLINE.has(c.tag)) {
        const w = attrWords(c);
        if (
          w.length > 1 &&
          (UNLIKELY.test(w) || UNLIKELY_ANYWHERE.test(w)) &&
          !LIKELY.test(w) &&
          (lengths.get(c) ?? 0) < PRUNE_MAX_SHARE * total &&
          (paras.get(c) ?? 0) < PROSE_PARAGRAPHS_KEEP
        )
          return false;
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
    // Two <br> in a row are how many CMSs separate paragraphs: each run becomes its own block.
    const parts = buf
      .split(/\n\s*\n/)
      .map(normSpace)
      .filter(Boolean);
    const total = parts.reduce((n, p) => n + p.length, 0);
    for (const text of parts) {
      const linkChars = Math.min(text.length, Math.round((links * text.length) / (total || 1)));
      out.push({ text, linkChars, tag: ownerTag, el: owner, inList });
    }
    buf = "";
    links = 0;
  };
  const visit = (n: Node, inLink: boolean, listDepth: number) => {
    if (typeof n === "string") {
      // Source line breaks are white space in HTML; only <br> (below) breaks a line.
      buf += n.replace(/\s+/g, " ");
      if (inLink) links += normSpace(n).length;
      return;
    }
    if (n.tag === "br") {
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
  return out;
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
function pickContainer(body: El, blocks: Block[]): { best: El; score: number; finalScore: (el: El) => number } {
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
  const finalScore = (el: El) => {
    const s = scores.get(el);
    return s ? s.score * (1 - (s.text ? s.links / s.text : 0)) : 0;
  };
  const ranked = [...scores.keys()].sort((a, b) => finalScore(b) - finalScore(a));
  let best = ranked[0] ?? body;
  const bestScore = finalScore(best);
  // Articles split into several containers (text interrupted by ads or embeds) show up as several
  // strong candidates with a common ancestor: take the ancestor that holds at least three of them.
  const strong = ranked.slice(1, 5).filter((el) => finalScore(el) >= bestScore * 0.75);
  if (strong.length >= 2) {
    for (let anc = best.parent; anc && anc !== body.parent; anc = anc.parent) {
      if (strong.filter((el) => isAncestor(anc!, el)).length >= 2) {
        best = anc;
        break;
      }
    }
  }
  // CMSs that cut the body into chunks around ads repeat the body container's class on every chunk:
  // join same-class candidates that score, under their nearest common ancestor (close by, so that a
  // second article preloaded further down the page is not joined).
  if (best.attrs.class?.trim()) {
    const twins = ranked.filter(
      (el) => el !== best && el.tag === best.tag && el.attrs.class === best.attrs.class && finalScore(el) >= 10,
    );
    if (twins.length) {
      let anc: El | null = best.parent;
      for (let level = 0; anc && anc !== body && level < 4; level++, anc = anc.parent) {
        if (twins.every((t) => isAncestor(anc!, t))) {
          best = anc;
          break;
        }
      }
    }
  }
  // A container that is its parent's only element child says nothing; its parent is the same block.
  while (
    best.parent &&
    best !== body &&
    best.parent !== body &&
    best.parent.children.filter((c) => typeof c !== "string").length === 1
  )
    best = best.parent;
  return { best, score: Math.max(bestScore, finalScore(best)), finalScore };
}

function isAncestor(anc: El, el: El): boolean {
  for (let e: El | null = el; e; e = e.parent) if (e === anc) return true;
  return false;
}

/** Readability's sibling rule: siblings of the winner that score well, share its class, or are clean prose join it. */
function withSiblings(
  best: El,
  bestScore: number,
  finalScore: (el: El) => number,
  blockText: Map<El, { text: number; links: number; last: string }>,
): El[] {
  const parent = best.parent;
  if (!parent || best.tag === "body") return [best];
  const threshold = Math.max(10, bestScore * 0.2);
  const out: El[] = [];
  for (const c of parent.children) {
    if (typeof c === "string") continue;
    if (c === best) {
      out.push(c);
      continue;
    }
    let bonus = 0;
    if (c.attrs.class && c.attrs.class === best.attrs.class) bonus += bestScore * 0.2;
    if (finalScore(c) + bonus >= threshold) {
      out.push(c);
      continue;
    }
    const t = blockText.get(c);
    if (t && (c.tag === "p" || !hasBlockChild(c))) {
      const density = t.text ? t.links / t.text : 1;
      if (
        (t.text > 80 && density < 0.25) ||
        (t.text > 0 && t.text <= 80 && density === 0 && /[.!?]["”»]?$/.test(t.last))
      )
        out.push(c);
    }
  }
  return out;
}

/** Elements holding an image, video or figure, and how much text they hold: a short text next to media is its caption. */
function mediaInfo(body: El): Map<El, { media: boolean; text: number }> {
  const info = new Map<El, { media: boolean; text: number }>();
  const go = (el: El): { media: boolean; text: number } => {
    let media = MEDIA.has(el.tag) || (el.tag === "noscript" && el.attrs.img === "1");
    let text = 0;
    for (const c of el.children) {
      if (typeof c === "string") text += c.trim().length;
      else {
        const r = go(c);
        media ||= r.media;
        text += r.text;
      }
    }
    const r = { media, text };
    info.set(el, r);
    return r;
  };
  go(body);
  return info;
}

/** Captions and credits sit with their image in a small wrapper; the limit is about two caption lines. */
const CAPTION_MAX_CHARS = 300;

function isCaption(b: Block, info: Map<El, { media: boolean; text: number }>): boolean {
  if (b.text.length >= CAPTION_MAX_CHARS) return false;
  let el: El | null = b.el;
  for (let i = 0; el && i < 3; i++, el = el.parent) {
    const m = info.get(el);
    if (!m || m.text > CAPTION_MAX_CHARS + 50) return false;
    if (m.media) return true;
  }
  return false;
}

export interface MainText {
  /** Paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
}

/** Lines that are page furniture wherever they appear (any language the dev pages showed, plus the obvious ones). */
const JUNK_LINE =
  /^(advertisement|advertisements|adverti[sz]ing|anzeige|publicidade|publicidad|sponsored|story continues below|continue reading|read more|read next|see also|related|related articles?|related stories|more from|recommended|you may also like|you might also like|more on this|highlights|breaking news|share|share this|share this article|like this|like loading|tweet|email|print|comments?|leave a comment|sign up|subscribe|log ?in|click here|follow us|skip to|back to top|loading|close|menu|next|previous|photo|image|leia (mais|também)|veja (mais|também)|saiba mais|lea también|lee más|leggi anche|pubblicità|читайте (также|еще)|реклама|подробнее|смотрите также|baca juga|simak juga|lihat juga|iklan|관련기사|광고|더보기|weiterlesen|mehr zum thema|lire aussi|à lire aussi|publicité)\b.{0,80}$/iu;

/** Credits, bios and social prompts that close articles; the core keeps credits from the plain text, but page bylines are read from metadata. */
const CREDIT_LINE =
  /^(\(?additional reporting|reporting by|editing by|writing by|compiled by|contributed reporting|tags?:|filed under|topics?:|photo:|image:|credit:|source:)|\bfollow (us|him|her|them|me)\b.{0,40}\b(twitter|facebook|instagram)|contributed to this (report|story)/i;

/** "LinkNaija October 06, 2018", "November 19, 2019 12:04AM ET", "Updated 5:03 p.m.": a line that is a date and little else. */
function isDateLine(t: string): boolean {
  const rest = t
    .replace(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/gi, "")
    .replace(/\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/gi, "")
    .replace(/\b(updated|published|posted|am|pm|a\.m\.|p\.m\.|et|est|edt|gmt|utc|bst|pst|pdt|cet|on|at)\b/gi, "")
    .replace(/[\d\s,.:/|•·-]+/g, " ")
    .trim();
  const dated = /\d{1,2}[:/.]\d{2}|\b(19|20)\d{2}\b/.test(t);
  if (dated && rest.split(/\s+/).filter(Boolean).length <= 2) return true;
  // Other languages ("segunda-feira, 22 de janeiro de 2018 às 0:13"): short, dated, no sentence end.
  // Embedded-tweet footers ("— Dele (@dele_official) November 19, 2019") are part of the article.
  const timeOrDay = /\d{1,2}[:h]\d{2}|\b([12]?\d|3[01])\b.*\b(19|20)\d{2}\b/.test(t);
  return (
    dated &&
    timeOrDay &&
    t.length < 60 &&
    !/[.!?]$/.test(t) &&
    !/@|^[—–-]/.test(t) &&
    t.split(/\s+/).filter((w) => !/\d/.test(w)).length <= 6
  );
}

/** "By HNN Staff | November 18, 2019 at 2:26 PM": a byline line left in the body. */
const BYLINE_LINE = /^(by|von|por|par|door|oleh|di|av|af)\s+[\p{Lu}\p{Lt}]/u;

/** The headline repeated in the body, allowing for a trimmed site suffix or a shortened form. */
function isTitle(t: string, title: string): boolean {
  const a = t.toLowerCase();
  if (a === title || (a.length > 20 && (title.startsWith(a) || a.startsWith(title)))) return true;
  // A reworded headline (the <h1> and og:title often differ by a few words): most words shared.
  if (a.length > 300) return false;
  const wa = new Set(a.match(/[\p{L}\p{N}]+/gu) ?? []);
  const wt = new Set(title.match(/[\p{L}\p{N}]+/gu) ?? []);
  if (wa.size < 4 || wt.size < 4) return false;
  let shared = 0;
  for (const w of wa) if (wt.has(w)) shared++;
  return shared / Math.max(wa.size, wt.size) >= TITLE_OVERLAP;
}

/** Share of words a block must have in common with the headline to count as a headline copy (0.7: a reworded h1 shares most words; no article paragraph in the dev set came near). */
const TITLE_OVERLAP = 0.7;

function keepBlock(b: Block, title: string, media: Map<El, { media: boolean; text: number }>): boolean {
  const len = b.text.length;
  const density = b.linkChars / len;
  if (density > 0.5 && len < 400) return false;
  if (len < 120 && JUNK_LINE.test(b.text)) return false;
  if (title && isTitle(b.text, title)) return false;
  if (isCaption(b, media)) return false;
  if (len < 400 && (CREDIT_LINE.test(b.text) || PROMO_LINE.test(b.text))) return false;
  if (len < 100 && isDateLine(b.text)) return false;
  if (len < 150 && BYLINE_LINE.test(b.text) && !/[.!?]["”»]?$/.test(b.text)) return false;
  return true;
}

/** Newsletter and app prompts, photo credits: short lines that name what they are. */
const PROMO_LINE =
  /\b(sign up|subscribe|register)\b.{0,120}\b(newsletter|inbox|e-?mail|updates)\b|\b(getty images|ap photo|shutterstock|istock|afp via|reuters\/|epa-efe|\| bloomberg)\b|\bdownload (our|the) app\b|\((image|images|photo|photos|picture|pic|credit|foto|fotos|imagem|bild)\s*:[^)]*\)\s*$/i;

/**
 * Extracts the article text of a parsed page.
 * @example extractMainText(parseHtml(html).root, { title: "Headline" }).text
 */
export function extractMainText(root: El, opts: { title?: string } = {}): MainText {
  const body = findFirst(root, (e) => e.tag === "body") ?? root;
  prune(body);
  const blocks = blocksOf(body);
  const picked = pickContainer(body, blocks);
  const blockText = new Map<El, { text: number; links: number; last: string }>();
  for (const b of blocks) {
    const t = blockText.get(b.el) ?? { text: 0, links: 0, last: "" };
    t.text += b.text.length;
    t.links += b.linkChars;
    t.last = b.text;
    blockText.set(b.el, t);
  }
  const inside = new Set<El>();
  const mark = (el: El) => {
    inside.add(el);
    for (const c of el.children) if (typeof c !== "string") mark(c);
  };
  for (const el of withSiblings(picked.best, picked.score, picked.finalScore, blockText)) mark(el);
  const chosen = blocks.filter((b) => inside.has(b.el));
  const title = opts.title ? normSpace(opts.title).toLowerCase() : "";
  const media = mediaInfo(body);
  // Each block is kept or dropped on its own; headings are decided afterwards, by what follows them.
  const kept: Array<{ b: Block; keep: boolean; heading: boolean }> = chosen.map((b) => ({
    b,
    keep: keepBlock(b, title, media),
    heading: HEADING.test(b.tag),
  }));
  const paragraphs: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i];
    if (!k.keep) continue;
    if (k.heading) {
      // A heading introduces text: one followed by another heading, a dropped block (a link list, a
      // promo) or nothing is a section label of the page ("You may also like", "Highlights").
      const next = kept[i + 1];
      if (!next?.keep || next.heading) continue;
      if (k.b.tag === "h1") continue;
    }
    paragraphs.push(k.b.text);
  }
  return { text: paragraphs.join("\n\n"), paragraphs };
}

/** WordPress and friends append "The post <title> appeared first on <site>." to feed content. */
const FEED_FOOTER = /^the post .{1,300} appeared first on .{1,100}$/i;

/**
 * Text of an HTML fragment that is all article (a feed item's content): furniture is pruned and
 * junk lines dropped, but no container is chosen.
 * @example fragmentText(parseHtml("<p>One.</p><p>Two.</p>").root) // "One.\n\nTwo."
 */
export function fragmentText(root: El): string {
  const body = findFirst(root, (e) => e.tag === "body") ?? root;
  prune(body);
  return blocksOf(body)
    .filter(
      (b) =>
        !(b.text.length < 120 && JUNK_LINE.test(b.text)) &&
        !(b.linkChars / b.text.length > 0.5 && b.text.length < 400) &&
        !FEED_FOOTER.test(b.text),
    )
    .map((b) => b.text)
    .join("\n\n");
}
