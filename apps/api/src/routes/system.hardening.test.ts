import { describe, expect, it } from "vitest";
import { useSeededApi } from "../test-support.ts";

const { api } = useSeededApi();

describe("/docs offline", () => {
  it("loads Scalar's script from this server and names no other host", async () => {
    const page = await api.request("/docs");
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain('<script src="/docs/scalar.js">');
    // No absolute URL at all: nothing in the page can reach a CDN or a font host.
    expect(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).toEqual([]);
    expect(page.headers.get("content-security-policy")).not.toMatch(/https?:/);
  });

  it("serves the installed Scalar bundle the page runs", async () => {
    const script = await api.request("/docs/scalar.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(String(script.body)).toContain("createApiReference");
  });
});
