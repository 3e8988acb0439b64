import { type FormEvent, useId } from "react";
import { setApiKey } from "../lib/api-key.ts";

/** Asks for the server's API key; it is kept for this tab only (sessionStorage). */
export function KeyForm({ why, onSaved }: { why: string; onSaved: () => void }) {
  const id = useId();
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget).get("key") ?? "").trim();
    if (v) {
      setApiKey(v);
      onSaved();
    }
  };
  return (
    <form className="panel keyform" onSubmit={save}>
      <p>
        <strong>{why}</strong> The key is kept only for this tab.
      </p>
      <label htmlFor={id}>API key</label>
      <input id={id} name="key" type="password" autoComplete="off" required />
      <button type="submit">Use this key</button>
    </form>
  );
}
