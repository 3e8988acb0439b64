import type { Source } from "@newsfuse/core/schema";
import { Scroll } from "../../components/Scroll.tsx";
import { safeHref } from "../../lib/url.ts";
import { healthOf, instantLabel, intervalLabel } from "./health.ts";

/** Each subscribed feed with its health; feed text (title, URL, error) is shown as text, URLs linked only when http(s). */
export function SourcesTable({
  sources,
  onRemove,
  removing,
}: {
  sources: Source[];
  onRemove: (s: Source) => void;
  /** The id being removed, so its button says so and is not pressed twice. */
  removing: string | null;
}) {
  return (
    <Scroll label="Subscribed feeds">
      <table className="sources">
        <caption className="sr-only">Subscribed feeds and their health</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              HTTP
            </th>
            <th scope="col">Last fetch</th>
            <th scope="col" className="num">
              Items seen
            </th>
            <th scope="col">Next poll</th>
            <th scope="col">Interval</th>
            <th scope="col" className="num">
              Failures
            </th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const h = healthOf(s);
            const href = safeHref(s.url);
            const name = s.title ?? s.url;
            return (
              <tr key={s.id} className={h.failing || s.state.failures > 0 ? "failing" : undefined}>
                <th scope="row" className="feed">
                  <span className="feed-title">{name}</span>
                  {s.title && (
                    <span className="small muted feed-url">
                      {href ? (
                        <a href={href} rel="noopener noreferrer nofollow">
                          {s.url}
                        </a>
                      ) : (
                        s.url
                      )}
                    </span>
                  )}
                  {!s.title && href && (
                    <span className="small">
                      <a href={href} rel="noopener noreferrer nofollow">
                        open the feed
                      </a>
                    </span>
                  )}
                </th>
                <td className={h.failing ? "bad" : h.label === "not fetched yet" ? "muted" : "ok"}>{h.label}</td>
                <td className="num">{s.state.httpStatus ?? "–"}</td>
                <td>
                  {s.state.lastFetchAt ? (
                    <time dateTime={s.state.lastFetchAt}>{instantLabel(s.state.lastFetchAt)}</time>
                  ) : (
                    "never"
                  )}
                </td>
                <td className="num">{s.state.itemsSeen.toLocaleString("en")}</td>
                <td>
                  <time dateTime={s.state.nextPollAt}>{instantLabel(s.state.nextPollAt)}</time>
                </td>
                <td>{intervalLabel(s.state.intervalSeconds)}</td>
                <td className={`num ${s.state.failures > 0 ? "bad" : ""}`}>{s.state.failures}</td>
                <td className="error-text">{s.state.lastError ?? "–"}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove ${name}`}
                    disabled={removing === s.id}
                    onClick={() => onRemove(s)}
                  >
                    {removing === s.id ? "Removing…" : "Remove"}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}
