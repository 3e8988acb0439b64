import type { ArticleDetail, BundleArticle, Discrepancy, QuoteRecord, StoryBundle } from "@newsfuse/core/schema";
import { formatClaimTime } from "@newsfuse/core/present";
import { articleLabel, dateLabel, labeller, listOr, plural, shortId, spanLabel } from "./labels.ts";
import { type Line, Lines, seg } from "./lines.ts";
import { sentenceAround, sentenceWith } from "./sentences.ts";

/** Article bodies some tabs quote sentences from, loaded on demand. */
export type Bodies = ReadonlyMap<string, ArticleDetail>;

const ROLE_LABEL: Record<BundleArticle["role"], string> = {
  original: "original report",
  wire: "wire copy",
  copy: "copy",
  republication: "republication",
  material: "with material from",
};

export function overviewLines(b: StoryBundle, width: number): Line[] {
  const s = b.story;
  const out = new Lines(width);
  const label = labeller(b);
  const outlets = new Set(b.articles.map((a) => a.outlet ?? a.agency).filter((x): x is string => !!x));
  out.item().wrap([seg(s.title, "bold")]);
  out.wrap([
    seg(spanLabel(s.span), "accent"),
    seg(
      ` · ${plural(b.articles.length, "article")} · ${plural(b.originCount, "independent origin")} · ${plural(outlets.size, "outlet")} · ${plural(s.events.length, "event")} · ${plural(b.quotes.length, "quote")} · ${plural(s.discrepancies.length, "disagreement")}`,
    ),
  ]);
  if (outlets.size) out.wrap([seg("outlets: ", "dim"), seg([...outlets].join(", "))], 2);
  out.blank();
  out.heading(`Events (${s.events.length}), in date order`);
  const events = [...s.events].sort((x, y) => (x.date ?? "9999").localeCompare(y.date ?? "9999"));
  for (const e of events) {
    const first = e.articles[0] ?? e.announcedBy[0];
    out.item(first ? { target: { kind: "article", id: first } } : {});
    out.add(
      seg(`${dateLabel(e.date, e.dateInferred).padEnd(12)} `, e.dateInferred ? "warn" : "accent"),
      seg(e.label, "bold"),
      ...(e.place ? [seg(` — ${e.place}`)] : []),
    );
    if (e.participants.length) out.wrap([seg("  who: ", "dim"), seg(e.participants.join(", "), "entity")], 7);
    if (e.articles.length) out.wrap([seg("  reported by: ", "dim"), seg(e.articles.map(label).join("; "))], 15);
    if (e.announcedBy.length)
      out.wrap([seg("  announced before it happened by: ", "dim"), seg(e.announcedBy.map(label).join("; "))], 4);
  }
  if (!events.length) out.item().add(seg("  no events found", "dim"));
  return out.lines;
}

export function sourcesLines(b: StoryBundle, width: number): Line[] {
  const out = new Lines(width);
  const byId = new Map(b.articles.map((a) => [a.id, a]));
  out.heading(
    `${plural(b.originCount, "independent origin")} behind ${plural(b.articles.length, "article")} (copies and republications count once)`,
  );
  for (const o of b.origins) {
    const lead = byId.get(o.lead);
    out.item({ target: { kind: "article", id: o.lead } });
    out.blank();
    out.add(
      seg(o.kind === "wire" ? `Wire story${o.agency ? ` (${o.agency})` : ""}` : "Original report", "heading"),
      seg(` — ${articleLabel(lead, o.lead)}`),
      seg(` · ${plural(o.articles.length, "article")}`, "dim"),
    );
    for (const id of o.articles) {
      const a = byId.get(id);
      out.item({ target: { kind: "article", id }, ...(a?.url ? { url: a.url } : {}) });
      const role = a ? ROLE_LABEL[a.role] : "article";
      const extra = [
        a?.role === "republication" && a.republishedFrom ? `of ${a.republishedFrom}` : "",
        a?.materialFrom.length ? `material from ${a.materialFrom.join(", ")}` : "",
        a?.duplicateGroup && a.duplicateGroup.original !== id
          ? `${a.duplicateGroup.kind} copy, similarity ${fmtSim(a.duplicateGroup.similarityToOriginal ?? a.duplicateGroup.similarity)}`
          : "",
      ].filter(Boolean);
      out.wrap(
        [
          seg(`  ${role.padEnd(20)} `, a?.role === "original" || a?.role === "wire" ? "good" : "accent"),
          seg(articleLabel(a, id).padEnd(20), "bold"),
          seg(` ${dateLabel(a?.date ?? null, a?.dateInferred ?? false)} `, "dim"),
          seg(a?.title ?? "(no headline)"),
          ...(extra.length ? [seg(` — ${extra.join("; ")}`, "dim")] : []),
        ],
        21,
      );
    }
  }
  out.blank();
  out.heading(`Duplicate groups (${b.duplicateGroups.length})`);
  for (const g of b.duplicateGroups) {
    out.item({ target: { kind: "article", id: g.original } });
    out.add(
      seg(`  ${g.kind} copies`, "bold"),
      seg(` · lowest similarity ${fmtSim(g.similarity)} · original ${articleLabel(byId.get(g.original), g.original)}`),
    );
    for (const p of g.pairs)
      out.add(
        seg(
          `    ${articleLabel(byId.get(p.a), p.a)} ~ ${articleLabel(byId.get(p.b), p.b)}: jaccard ${fmtSim(p.jaccard)}, containment ${fmtSim(p.containment)}`,
          "dim",
        ),
      );
  }
  if (!b.duplicateGroups.length) out.item().add(seg("  none: every article is its own text", "dim"));
  return out.lines;
}

const fmtSim = (x: number) => x.toFixed(2);

/** The quote's first occurrence, as an article route focused on its span. */
function quoteTarget(q: QuoteRecord) {
  const o = q.occurrences[0];
  return o ? { kind: "article" as const, id: o.article, focus: { start: o.start, end: o.end } } : undefined;
}

/** What `y` copies: the words, the speaker and every outlet carrying them. */
export function quoteCitation(q: QuoteRecord, label: (id: string) => string): string {
  return `“${q.text}” — ${q.speaker ?? "unattributed"} (${q.articles.map(label).join("; ")})`;
}

export function quotesLines(b: StoryBundle, width: number): Line[] {
  const out = new Lines(width);
  const label = labeller(b);
  const bySpeaker = new Map<string, QuoteRecord[]>();
  for (const q of b.quotes) {
    const k = q.speaker ?? "Unattributed";
    bySpeaker.set(k, [...(bySpeaker.get(k) ?? []), q]);
  }
  const speakers = [...bySpeaker.entries()].sort(
    (x, y) => (x[0] === "Unattributed" ? 1 : 0) - (y[0] === "Unattributed" ? 1 : 0) || y[1].length - x[1].length,
  );
  for (const [speaker, qs] of speakers) {
    out.heading(`${speaker} (${plural(qs.length, "quote")})`);
    for (const q of qs.sort((x, y) => y.articles.length - x.articles.length)) {
      const target = quoteTarget(q);
      out.item({ ...(target ? { target } : {}), copy: quoteCitation(q, label) });
      out.wrap([seg("  “", "quote"), seg(q.text, "quote"), seg("”", "quote"), seg(` — ${speaker}`, "speaker")], 3);
      out.wrap(
        [
          seg(`     carried by ${plural(q.articles.length, "article")}: `, "dim"),
          seg(q.articles.map(label).join("; ")),
        ],
        7,
      );
      for (const v of q.variants) out.wrap([seg("     variant: ", "dim"), seg(`“${v}”`, "quote")], 7);
    }
  }
  if (!b.quotes.length) out.item().add(seg("no quotes found", "dim"));
  return out.lines;
}

export function figuresLines(b: StoryBundle, width: number): Line[] {
  const out = new Lines(width);
  const byId = new Map(b.articles.map((a) => [a.id, a]));
  const groups = [...b.story.numbers].sort((x, y) => y.claims.length - x.claims.length);
  for (const g of groups) {
    const values = new Set(g.claims.map((c) => `${c.qualifier ?? ""}${c.value}`));
    out.heading(`${g.subject}: ${plural(g.claims.length, "figure")}${values.size > 1 ? ", differing" : ""}`);
    for (const c of g.claims) {
      out.item({ target: { kind: "article", id: c.article, focus: { start: c.start, end: c.end } } });
      out.add(
        seg(`  ${c.text.padEnd(34)} `, values.size > 1 ? "warn" : "bold"),
        seg(articleLabel(byId.get(c.article), c.article).padEnd(20)),
        seg(` ${formatClaimTime(c)}`, "accent"),
        seg(c.claimant ? ` · according to ${c.claimant}` : "", "dim"),
      );
    }
  }
  if (!groups.length) out.item().add(seg("no figures found", "dim"));
  return out.lines;
}

/** The sentence a discrepancy's value came from, when its article body is at hand. */
function evidence(
  d: Discrepancy,
  value: string,
  article: string,
  b: StoryBundle,
  bodies: Bodies,
): { text: string; from: "article" | "analysis" } | null {
  const body = bodies.get(article)?.article.body;
  if (d.kind === "date") {
    // A date's evidence is the analysis of the article's dates, not one sentence of it.
    const a = b.articles.find((x) => x.id === article);
    const notes = a?.published.conflicts ?? [];
    if (notes.length) return { text: notes.join("; "), from: "analysis" };
  }
  if (!body) return null;
  if (d.kind === "number") {
    const claim = b.story.numbers
      .filter((g) => g.subject === d.about)
      .flatMap((g) => g.claims)
      .find((c) => c.article === article && c.text.toLowerCase().includes(value.toLowerCase()));
    if (claim) return { text: sentenceAround(body, claim.start, claim.end), from: "article" };
  }
  const sentence = sentenceWith(body, value);
  return sentence ? { text: sentence, from: "article" } : null;
}

/** Articles whose bodies the Disagreements tab quotes from. */
export function disagreementArticles(b: StoryBundle): string[] {
  return [...new Set(b.story.discrepancies.flatMap((d) => d.values.flatMap((v) => v.articles)))];
}

export function disagreementsLines(b: StoryBundle, width: number, bodies: Bodies): Line[] {
  const out = new Lines(width);
  const byId = new Map(b.articles.map((a) => [a.id, a]));
  for (const d of b.story.discrepancies) {
    out.heading(`${d.about} (${d.kind}): ${plural(d.values.length, "value")}`);
    for (const v of d.values) {
      v.articles.forEach((id, i) => {
        out.item({ target: { kind: "article", id } });
        const a = byId.get(id);
        const date = v.dates[i] ?? (a?.date ? dateLabel(a.date, a.dateInferred) : null);
        out.add(
          seg(`  ${(i === 0 ? v.value : "").padEnd(20)} `, "warn"),
          seg(articleLabel(byId.get(id), id).padEnd(20), "bold"),
          seg(` ${date ?? "undated"}`, "accent"),
        );
        const said = evidence(d, v.value, id, b, bodies);
        if (said?.from === "article") out.wrap([seg("      “", "dim"), seg(said.text, "quote"), seg("”", "dim")], 7);
        else if (said) out.wrap([seg("      ⚠ ", "warn"), seg(said.text)], 8);
        else if (!bodies.has(id)) out.add(seg("      (loading the sentence…)", "dim"));
      });
    }
    out.item().blank();
  }
  if (!b.story.discrepancies.length) out.item().add(seg("the sources agree: no disagreements found", "dim"));
  return out.lines;
}

export function peopleLines(b: StoryBundle, width: number): Line[] {
  const out = new Lines(width);
  const label = (ids: string[]) => ids.map(shortId).join(", ");
  const kinds = [
    ["person", "People"],
    ["organization", "Organizations"],
    ["place", "Places"],
  ] as const;
  for (const [type, title] of kinds) {
    const es = b.entities.filter((e) => e.type === type).sort((x, y) => y.articles.length - x.articles.length);
    if (!es.length) continue;
    out.heading(`${title} (${es.length})`);
    for (const e of es) {
      out.item({ target: { kind: "entity", id: e.id, name: e.name } });
      out.add(seg(`  ${e.name}`, "entity"), seg(` · ${plural(e.articles.length, "article")}`, "dim"));
      if (e.aliases.length) out.wrap([seg("     also written: ", "dim"), seg(listOr(e.aliases))], 7);
      if (e.roles.length)
        out.wrap(
          [seg("     roles: ", "dim"), seg(e.roles.map((r) => `${r.role} (${label(r.articles)})`).join("; "))],
          7,
        );
    }
  }
  return out.lines;
}

/** The lines of one story tab, by index into STORY_TABS. */
export function storyTabLines(b: StoryBundle, tab: number, width: number, bodies: Bodies): Line[] {
  switch (tab) {
    case 0:
      return overviewLines(b, width);
    case 1:
      return sourcesLines(b, width);
    case 2:
      return quotesLines(b, width);
    case 3:
      return figuresLines(b, width);
    case 4:
      return disagreementsLines(b, width, bodies);
    default:
      return peopleLines(b, width);
  }
}
