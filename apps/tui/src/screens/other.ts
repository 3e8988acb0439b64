import type { EntityDetail, QuoteRecord, SearchResult } from "@newsfuse/core/schema";
import { KEYMAP, keyLabel, type Scope } from "../keys/keymap.ts";
import { listOr, plural, shortId, spanLabel } from "./labels.ts";
import { type Line, Lines, seg } from "./lines.ts";

function quoteItem(out: Lines, q: QuoteRecord): void {
  const o = q.occurrences[0];
  out.item({
    ...(o ? { target: { kind: "article" as const, id: o.article, focus: { start: o.start, end: o.end } } } : {}),
    copy: `“${q.text}” — ${q.speaker ?? "unattributed"} (${q.articles.map(shortId).join("; ")})`,
  });
  out.wrap([seg("  “", "quote"), seg(q.text, "quote"), seg("”", "quote"), seg(` — ${q.speaker ?? "?"}`, "speaker")], 3);
  out.wrap([seg("     in: ", "dim"), seg(q.articles.map(shortId).join(", "))], 7);
}

export function entityLines(d: EntityDetail, width: number): Line[] {
  const e = d.entity;
  const out = new Lines(width);
  out.item().add(seg(e.name, "bold"), seg(` (${e.type}) · ${plural(e.articles.length, "article")}`, "dim"));
  out.wrap([seg("also written: ", "dim"), seg(listOr(e.aliases, "no other spelling"))], 2);
  out.blank();
  out.heading(`Roles (${e.roles.length})`);
  for (const r of e.roles) {
    out.item(r.articles[0] ? { target: { kind: "article", id: r.articles[0] } } : {});
    out.wrap([seg(`  ${r.role}`, "bold"), seg(` in ${r.articles.map(shortId).join(", ")}`, "dim")], 4);
  }
  out.blank();
  out.heading(`Quotes (${d.quotes.length})`);
  for (const q of d.quotes) quoteItem(out, q);
  out.blank();
  out.heading(`Stories (${d.stories.length})`);
  for (const s of d.stories) {
    out.item({ target: { kind: "story", id: s.id, title: s.title } });
    out.add(seg(`  ${s.title}`, "bold"), seg(` · ${spanLabel(s.span)} · ${plural(s.articleCount, "article")}`, "dim"));
  }
  return out.lines;
}

export function searchLines(r: SearchResult, width: number): Line[] {
  const out = new Lines(width);
  out.heading(`Articles (${r.articles.length})`);
  for (const a of r.articles) {
    out.item({ target: { kind: "article", id: a.id, ...(a.title ? { title: a.title } : {}) } });
    out.add(
      seg(`  ${a.title ?? "(no headline)"}`, "bold"),
      seg(` · ${[a.outlet ?? a.agency, a.published, shortId(a.id)].filter(Boolean).join(" · ")}`, "dim"),
    );
  }
  out.blank();
  out.heading(`Quotes (${r.quotes.length})`);
  for (const q of r.quotes) quoteItem(out, q);
  out.blank();
  out.heading(`People, organizations and places (${r.entities.length})`);
  for (const e of r.entities) {
    out.item({ target: { kind: "entity", id: e.id, name: e.name } });
    out.add(seg(`  ${e.name}`, "entity"), seg(` (${e.type}) · ${plural(e.articles.length, "article")}`, "dim"));
    if (e.aliases.length) out.wrap([seg("     also written: ", "dim"), seg(e.aliases.join(", "))], 7);
  }
  return out.lines;
}

const SCOPE_TITLE: Record<Scope, string> = {
  global: "Everywhere",
  stories: "Story list",
  story: "Story (tabs)",
  article: "Article reader",
  prompt: "While typing a filter or search",
};

/** The help screen, generated from the key map so it always says what the keys do. */
export function helpLines(width: number): Line[] {
  const out = new Lines(width);
  out
    .item()
    .wrap([
      seg("newsfuse tui", "bold"),
      seg(" — stories fused from many reports. Enter opens the selected line, Esc or q goes back. "),
      seg("In a story, tabs 1–6 show its events, sources, quotes, figures, disagreements and people."),
    ]);
  out.blank();
  for (const scope of Object.keys(SCOPE_TITLE) as Scope[]) {
    const bs = KEYMAP.filter((b) => b.scope === scope);
    if (!bs.length) continue;
    out.heading(SCOPE_TITLE[scope]);
    for (const b of bs) {
      out.item();
      out.add(seg(`  ${b.keys.map(keyLabel).join(" ").padEnd(22)}`, "key"), seg(b.description));
    }
    out.blank();
  }
  return out.lines;
}
