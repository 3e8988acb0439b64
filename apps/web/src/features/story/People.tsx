import type { EntityRecord } from "@newsfuse/core/schema";
import { Link } from "@tanstack/react-router";
import { plural } from "../../lib/labels.ts";

/** People and organizations of the story with the roles its articles give them, most mentioned first. */
export function People({ entities }: { entities: EntityRecord[] }) {
  const shown = entities
    .filter((e) => e.type !== "place")
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
  return (
    <ul className="people">
      {shown.map((e) => (
        <li key={e.id}>
          <Link to="/entities/$id" params={{ id: e.id }}>
            {e.name}
          </Link>{" "}
          <span className="muted small">
            {e.type} · {plural(e.articles.length, "article")}
          </span>
          {e.roles.length > 0 && (
            <div className="small">
              {e.roles
                .slice(0, 3)
                .map((r) => r.role)
                .join("; ")}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
