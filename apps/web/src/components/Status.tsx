import { useQueryClient } from "@tanstack/react-query";
import { Link, useRouter } from "@tanstack/react-router";
import { asApiError } from "../lib/client.ts";
import { KeyForm } from "./KeyForm.tsx";

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** An API error as the reader needs it: what went wrong and, for a missing record, a way back. */
export function ErrorNote({ error }: { error: unknown }) {
  const e = asApiError(error);
  const queryClient = useQueryClient();
  const router = useRouter();
  // Reads closed by the server's config: ask for the key, then load the page again with it.
  if (e.status === 401)
    return (
      <KeyForm
        why="This server needs an API key to read its stories."
        onSaved={() => {
          void queryClient.invalidateQueries();
          void router.invalidate();
        }}
      />
    );
  return (
    <div className="error" role="alert">
      <p>
        <strong>{e.status === 404 ? "Not found." : "Something went wrong."}</strong> {e.message}
        {e.code !== "network" && <span className="muted"> ({e.code})</span>}
      </p>
      {e.status === 404 && <Link to="/">Back to the stories</Link>}
    </div>
  );
}

export function NotFound() {
  return (
    <div className="error" role="alert">
      <h1>Nothing here</h1>
      <p>
        This address is not a dashboard page. <Link to="/">See all stories</Link>.
      </p>
    </div>
  );
}
