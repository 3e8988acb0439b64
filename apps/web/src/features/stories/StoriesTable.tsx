import type { StorySummary } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { spanLabel, timeAgo } from "../../lib/labels.ts";
import { Scroll } from "../../components/Scroll.tsx";
import { Sparkline } from "./Sparkline.tsx";

/** Rows past which only the visible ones are rendered. */
export const VIRTUAL_FROM = 300;
const ROW_PX = 58;

function Row({ s, now }: { s: StorySummary; now: number }) {
  return (
    <tr>
      <th scope="row" className="title">
        <Link to="/stories/$id" params={{ id: s.id }}>
          {s.title}
        </Link>
        {s.outlets.length > 0 && <div className="muted small outlets">{s.outlets.slice(0, 4).join(", ")}</div>}
      </th>
      <td>{spanLabel(s.span)}</td>
      <td className="num">{s.articleCount}</td>
      <td className="num">{s.originCount}</td>
      <td className="num">{s.outletCount}</td>
      <td className="num">{s.eventCount}</td>
      <td className="num">{s.quoteCount}</td>
      <td className="num">{s.discrepancyCount > 0 ? <strong>{s.discrepancyCount}</strong> : 0}</td>
      <td>
        <Sparkline coverage={s.coverage} undated={s.undatedCount} />
      </td>
      <td className="small">
        <time dateTime={s.updatedAt}>{timeAgo(s.updatedAt, now)}</time>
      </td>
    </tr>
  );
}

export function StoriesTable({ stories, now = Date.now() }: { stories: StorySummary[]; now?: number }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const virtual = stories.length > VIRTUAL_FROM;
  const v = useWindowVirtualizer({
    count: stories.length,
    estimateSize: () => ROW_PX,
    overscan: 10,
    enabled: virtual,
    scrollMargin: body.current?.offsetTop ?? 0,
  });
  const items = virtual ? v.getVirtualItems() : [];
  const top = virtual && items.length ? items[0].start - v.options.scrollMargin : 0;
  const bottom =
    virtual && items.length ? v.getTotalSize() - (items[items.length - 1].end - v.options.scrollMargin) : 0;
  const rows = virtual ? items.map((i) => stories[i.index]) : stories;
  return (
    <Scroll label="Stories table">
      <table className="stories">
        <caption className="sr-only">Stories, {stories.length} shown</caption>
        <thead>
          <tr>
            <th scope="col">Story</th>
            <th scope="col">Span</th>
            <th scope="col" className="num">
              Articles
            </th>
            <th scope="col" className="num">
              <abbr title="Independent origins: wire stories or original reports, copies counted once">Origins</abbr>
            </th>
            <th scope="col" className="num">
              Outlets
            </th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              Quotes
            </th>
            <th scope="col" className="num">
              <abbr title="Facts the sources disagree on">Disputed</abbr>
            </th>
            <th scope="col">Coverage</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {top > 0 && (
            <tr className="spacer" style={{ height: top }}>
              <td colSpan={10} />
            </tr>
          )}
          {rows.map((s) => (
            <Row key={s.id} s={s} now={now} />
          ))}
          {bottom > 0 && (
            <tr className="spacer" style={{ height: bottom }}>
              <td colSpan={10} />
            </tr>
          )}
        </tbody>
      </table>
    </Scroll>
  );
}
