import type { Article, Entity, EntityType } from "../schema/article.ts";
import type { Discrepancy, EntityRecord, SourceRef } from "../schema/story.ts";
import {
  acronym,
  firstNamesCompatible,
  fold,
  memo,
  NICKNAMES as NICK,
  orgKey,
  parsePersonName,
  translitKey,
  type PersonName,
} from "./names.ts";

/** `acronym`, memoised: every organization and place of a batch asks for the acronyms of all its names. */
const acronymKey = memo(acronym);

/** The cross-article entities of a batch and the way back from an article's entity to its record. */
export interface EntityResolution {
  records: EntityRecord[];
  /** Position of each record id in `records`. */
  index: Map<string, number>;
  /** Record id of an article-local entity ("003_x.txt", "e2"). */
  recordOf(article: string, entityId: string): string | null;
  /** Record id for a name as written in an article (a quote's speaker), or null. */
  recordByName(article: string, name: string, type?: EntityType): string | null;
  /** Name spellings that differ between sources for one entity (Sergey/Sergei). */
  spellings: Discrepancy[];
}

interface Item {
  article: string;
  entity: Entity;
  person: PersonName | null;
}

/** A person's name with initials and nicknames counted as agreeing, but two different given names never. */
function personCompatible(a: PersonName, b: PersonName): boolean {
  if (translitKey(a.last) !== translitKey(b.last)) return false;
  if (a.first && b.first && !firstNamesCompatible(a.first, b.first)) return false;
  // "George W. Bush" and "George H. W. Bush" share a first name but are two people.
  const ma = a.middle.map((m) => m[0].toLowerCase()).join("");
  const mb = b.middle.map((m) => m[0].toLowerCase()).join("");
  return !(ma && mb && ma !== mb);
}

function fullestName(e: Entity): PersonName | null {
  const candidates = [e.name, ...e.aliases].map(parsePersonName).filter((p): p is PersonName => p !== null);
  return candidates.find((p) => p.first !== null) ?? candidates[0] ?? null;
}

/** A record id's name part; memoised, as every re-fusion names the same records again. */
const slug = memo((s: string): string =>
  fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, ""),
);

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

class UnionFind {
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Resolves the entities of many articles into one record per real person, organization and place.
 * People match on surname plus a compatible given name (spelling variants, nicknames, initials);
 * a bare surname ("Mr. Blinken") joins the only full name with that surname in its group (the
 * batch, or its story when \`groupOf\` is given), or the one in its own article; two people who
 * share a surname and differ in given name stay apart.
 * Organizations and places match on their normalised names, aliases and acronyms ("OSCE").
 * @example
 * const { records } = resolveEntities(articles);
 * records.find((r) => r.name === "Sergey V. Lavrov")?.aliases // ["Sergei Lavrov", "Mr. Lavrov", ...]
 */
export function resolveEntities(
  articles: Article[],
  opts: { groupOf?: (articleId: string) => string | undefined } = {},
): EntityResolution {
  // A bare surname is only resolved inside its group (its story, in \`fuse\`): "Mr. Brown" in one
  // story is no evidence about "Gordon Brown" in another.
  const scope = (article: string) => opts.groupOf?.(article) ?? "";
  const items: Item[] = [];
  for (const a of articles)
    for (const e of a.entities)
      items.push({ article: a.id, entity: e, person: e.type === "person" ? fullestName(e) : null });
  const uf = new UnionFind();
  items.forEach(() => uf.add());

  // People with a given name: items with the same surname key and the same spelling of given name
  // and initials share a signature; signatures of one surname then merge when compatible.
  const lastKey = items.map((it) => (it.person ? translitKey(it.person.last) : ""));
  const sigOwner = new Map<string, number>();
  const sigsBySurname = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (!it.person?.first) return;
    const first = fold(it.person.first).toLowerCase();
    const sig = `${lastKey[i]}|${translitKey(NICK[first] ?? first)}|${it.person.middle.map((m) => m[0].toLowerCase()).join("")}`;
    const o = sigOwner.get(sig);
    if (o === undefined) {
      sigOwner.set(sig, i);
      push(sigsBySurname, lastKey[i], i);
    } else uf.union(o, i);
  });
  for (const reps of sigsBySurname.values())
    for (let x = 0; x < reps.length; x++)
      for (let y = 0; y < x; y++) {
        if (!personCompatible(items[reps[x]].person!, items[reps[y]].person!)) continue;
        // Union only when no member of either group conflicts with the other (no chaining J. -> John -> James).
        const ga = reps.filter((m) => uf.find(m) === uf.find(reps[x]));
        const gb = reps.filter((m) => uf.find(m) === uf.find(reps[y]));
        if (ga.every((m) => gb.every((n) => personCompatible(items[m].person!, items[n].person!))))
          uf.union(reps[x], reps[y]);
      }

  // "Marie Johnson" and "LuAnn Marie Johnson": a name whose given name is another's middle name is that
  // person, even where a third form ("Luann Johnson") kept the pair apart above.
  for (const reps of sigsBySurname.values())
    for (const x of reps)
      for (const y of reps) {
        const a = items[x].person!;
        const b = items[y].person!;
        if (x !== y && a.first && a.first.length > 2 && b.middle.some((m) => fold(m) === fold(a.first!)))
          uf.union(x, y);
      }

  // Bare surnames: the only full name with that surname, else the one in the same article.
  const rootsBySurname = new Map<string, Set<number>>();
  const rootsBySurnameArticle = new Map<string, Set<number>>();
  items.forEach((it, i) => {
    if (!it.person?.first) return;
    const r = uf.find(i);
    const ks = `${lastKey[i]}\u0000${scope(it.article)}`;
    rootsBySurname.set(ks, (rootsBySurname.get(ks) ?? new Set()).add(r));
    const ka = `${lastKey[i]}\u0000${it.article}`;
    rootsBySurnameArticle.set(ka, (rootsBySurnameArticle.get(ka) ?? new Set()).add(r));
  });
  const bareOwner = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.entity.type !== "person" || !it.person || it.person.first) return;
    const k = lastKey[i];
    const ks = `${k}\u0000${scope(it.article)}`;
    const roots = rootsBySurname.get(ks);
    if (roots && roots.size === 1) uf.union(i, [...roots][0]);
    else if (roots && roots.size > 1) {
      const local = rootsBySurnameArticle.get(`${k}\u0000${it.article}`);
      if (local && local.size === 1) uf.union(i, [...local][0]);
    } else {
      const o = bareOwner.get(ks);
      if (o === undefined) bareOwner.set(ks, i);
      else uf.union(o, i);
    }
  });

  // Organizations and places: shared normalised name, alias or acronym, same type.
  const keyOwner = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.entity.type === "person") return;
    const keys = new Set<string>();
    for (const n of [it.entity.name, ...it.entity.aliases]) {
      const k = orgKey(n);
      if (k) keys.add(`${it.entity.type}:${k}`);
      const ac = acronymKey(n);
      if (ac && ac.length >= 3) keys.add(`${it.entity.type}:${ac}`);
    }
    for (const k of keys) {
      const o = keyOwner.get(k);
      if (o === undefined) keyOwner.set(k, i);
      else uf.union(o, i);
    }
  });

  // Build the records.
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => push(groups, uf.find(i), i));
  const records: EntityRecord[] = [];
  const recordOfItem = new Map<number, string>();
  const usedIds = new Set<string>();
  const spellings: Discrepancy[] = [];
  for (const members of [...groups.values()].sort((a, b) => a[0] - b[0])) {
    const ms = members.map((m) => items[m]);
    const type = ms[0].entity.type;
    const name = canonicalName(ms);
    let id = `ent-${slug(name) || "x"}`;
    for (let k = 2; usedIds.has(id); k++) id = `ent-${slug(name)}-${k}`;
    usedIds.add(id);
    const aliases = [...new Set(ms.flatMap((m) => [m.entity.name, ...m.entity.aliases]))]
      .filter((n) => n !== name)
      .sort();
    const roleMap = new Map<string, { role: string; articles: Set<string> }>();
    for (const m of ms)
      for (const r of new Set([m.entity.role, ...m.entity.roles].filter((x): x is string => !!x))) {
        const k = r.toLowerCase();
        const slot = roleMap.get(k) ?? { role: r, articles: new Set<string>() };
        slot.articles.add(m.article);
        roleMap.set(k, slot);
      }
    const arts = [...new Set(ms.map((m) => m.article))];
    const mentions: SourceRef[] = [];
    for (const m of ms)
      for (const s of m.entity.mentions) mentions.push({ article: m.article, start: s.start, end: s.end });
    records.push({
      id,
      name,
      type,
      aliases,
      roles: [...roleMap.values()].map((r) => ({ role: r.role, articles: [...r.articles] })),
      articles: arts,
      mentions,
    });
    for (const m of members) recordOfItem.set(m, id);
    if (type === "person") spellings.push(...spellingVariants(id, ms));
  }

  // Nested by article: looked up for every entity and quote of a story, so no key string is built per lookup.
  const byArticleEntity = new Map<string, Map<string, string>>();
  items.forEach((it, i) => {
    let m = byArticleEntity.get(it.article);
    if (!m) byArticleEntity.set(it.article, (m = new Map()));
    m.set(it.entity.id, recordOfItem.get(i)!);
  });

  // Lookups for quote speakers: per article by written name, per surname by signature, then globally.
  const localNames = new Map<string, Map<string, number[]>>();
  items.forEach((it, i) => {
    let names = localNames.get(it.article);
    if (!names) localNames.set(it.article, (names = new Map()));
    for (const n of new Set([it.entity.name, ...it.entity.aliases].map(orgKey))) push(names, n, i);
  });
  const globalNames = new Map<string, string[]>();
  for (const r of records) for (const n of new Set([r.name, ...r.aliases].map(orgKey))) push(globalNames, n, r.id);
  const recordType = new Map(records.map((r) => [r.id, r.type]));
  const recordByName = (article: string, name: string, type?: EntityType): string | null => {
    const key = orgKey(name);
    // The article's own entities first: their names and aliases were resolved in context.
    const local = (localNames.get(article)?.get(key) ?? []).find((i) => !type || items[i].entity.type === type);
    if (local !== undefined) return recordOfItem.get(local)!;
    const p = parsePersonName(name);
    if (p && (!type || type === "person")) {
      const k = translitKey(p.last);
      const hits = new Set<string>();
      for (const rep of sigsBySurname.get(k) ?? [])
        if (!p.first || personCompatible(p, items[rep].person!)) hits.add(recordOfItem.get(rep)!);
      const bare = bareOwner.get(`${k}\u0000${scope(article)}`);
      if (bare !== undefined) hits.add(recordOfItem.get(bare)!);
      if (hits.size === 1) return [...hits][0];
    }
    return (globalNames.get(key) ?? []).find((id) => !type || recordType.get(id) === type) ?? null;
  };

  return {
    records,
    index: new Map(records.map((r, i) => [r.id, i])),
    recordOf: (article, entityId) => byArticleEntity.get(article)?.get(entityId) ?? null,
    recordByName,
    spellings,
  };
}

/**
 * The name most articles use: for people, the spelling most articles use (Sergey in three, Sergei
 * in two), then that spelling's most common written form; ties go to the longer form.
 */
function canonicalName(ms: Item[]): string {
  const rank = (forms: Map<string, Set<string>>) =>
    [...forms].sort((a, b) => b[1].size - a[1].size || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const count = new Map<string, Set<string>>();
  const spelling = new Map<string, Set<string>>();
  const spellingOf = (n: string) => {
    const p = parsePersonName(n);
    return p?.first ? `${fold(p.first)} ${fold(p.last)}` : null;
  };
  for (const m of ms) {
    const n = m.entity.name;
    if (m.entity.type === "person") {
      const sp = spellingOf(n);
      if (!sp) continue;
      spelling.set(sp, (spelling.get(sp) ?? new Set()).add(m.article));
    }
    count.set(n, (count.get(n) ?? new Set()).add(m.article));
  }
  if (count.size === 0)
    for (const m of ms) count.set(m.entity.name, (count.get(m.entity.name) ?? new Set()).add(m.article));
  const best = rank(spelling)[0]?.[0];
  const pool = best ? new Map([...count].filter(([n]) => spellingOf(n) === best)) : count;
  return rank(pool.size ? pool : count)[0][0];
}

const NAME_AS_WRITTEN = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;

/** Given names or surnames written differently for one person, with the articles using each. */
function spellingVariants(recordId: string, ms: Item[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  const last = ms.find((m) => m.person)?.person?.last ?? "";
  for (const part of ["first", "last"] as const) {
    const forms = new Map<string, Set<string>>();
    for (const m of ms)
      for (const n of [m.entity.name, ...m.entity.aliases]) {
        const p = parsePersonName(n);
        const v = p?.[part];
        if (!v || (v.endsWith(".") ? v.length - 1 : v.length) < 2) continue;
        // A spelling is of a name as written: a capital, then letters ("iran-Nejad" and "'Deep" are
        // scraping and quoting noise, not how a source spells the name).
        if (!NAME_AS_WRITTEN.test(v)) continue;
        const folded = fold(v);
        forms.set(folded, (forms.get(folded) ?? new Set()).add(m.article));
      }
    // Only spellings of one name (Sergey/Sergei), not nicknames (Joe/Joseph).
    const byKey = new Map<string, string[]>();
    for (const f of forms.keys()) byKey.set(translitKey(f), [...(byKey.get(translitKey(f)) ?? []), f]);
    for (const variants of byKey.values()) {
      // "LuAnn"/"Luann" is house style for capitals, not a different spelling.
      if (new Set(variants.map((v) => v.toLowerCase())).size < 2) continue;
      out.push({
        id: `spelling-${recordId}-${part}`,
        kind: "spelling",
        about: part === "first" ? `spelling of ${last}'s first name` : `spelling of the surname ${variants[0]}`,
        values: variants.sort().map((v) => ({ value: v, articles: [...forms.get(v)!].sort(), dates: [] })),
        story: null,
      });
    }
  }
  return out;
}
