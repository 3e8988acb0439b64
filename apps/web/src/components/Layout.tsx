import { useQuery } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { useClient } from "../lib/client.ts";
import { useLive } from "../lib/live.tsx";
import { q } from "../lib/queries.ts";
import { useTheme } from "../lib/theme.ts";

export function Layout() {
  const [theme, setTheme] = useTheme();
  const { connected } = useLive();
  // The Sources link is shown once the store follows a feed; a server that refuses the read just hides it.
  const sources = useQuery({ ...q.sources(useClient()), refetchInterval: false, staleTime: 60_000 });
  const hasSources = (sources.data?.items.length ?? 0) > 0;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand" aria-label="newsfuse: all stories">
          <span aria-hidden="true" className="logo">
            n
          </span>
          newsfuse
        </Link>
        <nav aria-label="Main">
          <Link to="/" activeOptions={{ exact: true, includeSearch: false }}>
            Stories
          </Link>
          <Link to="/search">Search</Link>
          <Link to="/add">Add news</Link>
          {hasSources && <Link to="/sources">Sources</Link>}
        </nav>
        <span className={`live ${connected ? "on" : ""}`} role="status">
          {connected ? "Live" : "Offline"}
        </span>
        <button
          type="button"
          className="theme"
          aria-pressed={theme === "dark"}
          onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
        >
          {theme === "dark" ? "Light mode" : "Dark mode"}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
