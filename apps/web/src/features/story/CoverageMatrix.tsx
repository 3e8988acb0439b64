import type { BundleArticle, QuoteRecord } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { Scroll } from "../../components/Scroll.tsx";
import { type Carried, carried, outletColumns } from "./columns.ts";

const SIGN: Record<Carried, string> = { verbatim: "●", variant: "◐", absent: "·" };
const SAY: Record<Carried, string> = { verbatim: "verbatim", variant: "variant wording", absent: "absent" };

/**
 * Quotes × outlets: which outlet carried which quote, word for word or in another wording. A plain
 * table; each cell says its state in text as well as by its sign.
 */
export function CoverageMatrix({
  quotes,
  articles,
  selected,
  showAll,
}: {
  quotes: QuoteRecord[];
  articles: BundleArticle[];
  selected?: string;
  showAll: boolean;
}) {
  const cols = outletColumns(articles);
  const shared = quotes.filter((q) => q.articles.length > 1);
  const rows = (showAll ? quotes : shared).slice().sort((a, b) => b.articles.length - a.articles.length);
  return (
    <>
      <p className="muted small">
        {shared.length} of {quotes.length} quotes appear in more than one article.{" "}
        <Link from="/stories/$id" to="." search={(s) => ({ ...s, all: showAll ? undefined : true })} replace>
          {showAll ? "Show only shared quotes" : "Show every quote"}
        </Link>
        <span className="legend" aria-hidden="true">
          {" "}
          ● verbatim ◐ variant · absent
        </span>
      </p>
      <Scroll label="Coverage matrix">
        <table className="matrix">
          <caption className="sr-only">Quotes by the outlets that carried them</caption>
          <thead>
            <tr>
              <th scope="col">Quote</th>
              {cols.map((c) => (
                <th scope="col" key={c.key} title={c.articles.map((a) => a.title ?? a.id).join("\n")}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={q.id} className={q.id === selected ? "selected" : undefined} aria-selected={q.id === selected}>
                <th scope="row">
                  <Link
                    from="/stories/$id"
                    to="."
                    search={(s) => ({ ...s, quote: q.id === selected ? undefined : q.id })}
                    replace
                    resetScroll={false}
                    className="quote-link"
                  >
                    “{q.text}”
                  </Link>
                  <div className="small muted">{q.speaker ?? "unattributed"}</div>
                </th>
                {cols.map((c) => {
                  const state = carried(q, c);
                  return (
                    <td key={c.key} className={`cell ${state}`}>
                      <span aria-hidden="true">{SIGN[state]}</span>
                      <span className="sr-only">
                        {c.label}: {SAY[state]}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}

/** The selected quote's wordings, each linked to the sentence of the article it came from. */
export function QuoteOccurrences({ quote, articles }: { quote: QuoteRecord; articles: BundleArticle[] }) {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return (
    <div className="panel" aria-live="polite">
      <h3>
        “{quote.text}” <span className="muted small">{quote.speaker ?? "unattributed"}</span>
      </h3>
      <ul>
        {quote.occurrences.map((o) => {
          const a = byId.get(o.article);
          return (
            <li key={`${o.article}:${o.start}`}>
              <Link to="/articles/$id" params={{ id: o.article }} search={{ at: o.start }}>
                {a ? (a.outlet ?? a.agency ?? a.title ?? o.article) : o.article}
              </Link>
              : “{o.text}”
            </li>
          );
        })}
      </ul>
    </div>
  );
}
