import type { Article } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { type Mark, paragraphs, slice } from "../../lib/spans.ts";

type Inner = "entity" | "number";

function InnerMarks({ article, from, to }: { article: Article; from: number; to: number }) {
  const marks: Mark<Inner>[] = [
    ...article.numbers.map((n, index) => ({ start: n.start, end: n.end, kind: "number" as const, index })),
    ...article.entities.flatMap((e, index) =>
      e.mentions.map((m) => ({ start: m.start, end: m.end, kind: "entity" as const, index })),
    ),
  ];
  return (
    <>
      {slice(article.body, marks, from, to).map((p) => {
        if (!p.mark) return p.text;
        if (p.mark.kind === "number") {
          const n = article.numbers[p.mark.index];
          return (
            <mark
              key={p.start}
              className="hl number"
              title={`${n.subject ?? "figure"}: ${n.value.toLocaleString("en")}`}
            >
              {p.text}
            </mark>
          );
        }
        const e = article.entities[p.mark.index];
        return (
          <mark
            key={p.start}
            className={`hl entity ${e.type}`}
            title={`${e.name} (${e.type}${e.role ? `, ${e.role}` : ""})`}
          >
            {p.text}
          </mark>
        );
      })}
    </>
  );
}

/**
 * The cleaned body as text, cut exactly at the extractors' offsets: quotes are links that select them
 * (keyboard and pointer alike), entities and figures are marked inside. Nothing from the article is
 * ever parsed as markup.
 */
export function ArticleText({ article, selected }: { article: Article; selected?: number }) {
  const quoteMarks: Mark<"quote">[] = article.quotes.map((q, index) => ({
    start: q.start,
    end: q.end,
    kind: "quote",
    index,
  }));
  return (
    <div className="body">
      {paragraphs(article.body).map((para) => (
        <p key={para.start}>
          {slice(article.body, quoteMarks, para.start, para.end).map((p) => {
            if (!p.mark) return <InnerMarks key={p.start} article={article} from={p.start} to={p.end} />;
            const quote = article.quotes[p.mark.index];
            const on = selected === quote.start;
            return (
              <Link
                key={p.start}
                from="/articles/$id"
                to="."
                search={(s) => ({ ...s, at: on ? undefined : quote.start })}
                replace
                resetScroll={false}
                className={`hl quote${on ? " on" : ""}`}
                aria-current={on ? "true" : undefined}
                title={`Quote by ${quote.speaker ?? "an unknown speaker"}`}
              >
                <InnerMarks article={article} from={p.start} to={p.end} />
              </Link>
            );
          })}
        </p>
      ))}
    </div>
  );
}
