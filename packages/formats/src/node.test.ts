import { describe, expect, it } from "vitest";
import { contentTypeOf, readPaths } from "./node.ts";
import { fixturePath } from "./testing.ts";

async function collect(paths: string[], opts?: { maxBytes?: number }) {
  const out = [];
  for await (const r of readPaths(paths, opts)) out.push(r);
  return out;
}

describe("readPaths", () => {
  it("reads every supported file of a directory, sorted, and keeps going past bad ones", async () => {
    const rs = await collect([fixturePath("bad")]);
    expect(rs.map((r) => (r.ok ? "ok" : `${r.error.code} ${r.error.input?.split("/").pop()}`))).toEqual([
      "input_empty empty.html",
      "input_binary image.html",
      "input_malformed not-a-feed.rss",
      "input_malformed not-html.html",
      "input_malformed truncated.html.gz",
    ]);
  });

  it("yields one result per feed item and per JSON line, with the raw file attached", async () => {
    const rs = await collect([fixturePath("feeds")]);
    expect(rs.filter((r) => r.ok)).toHaveLength(4 + 2 + 2 + 2);
    const rss = rs.find((r) => r.ok && r.value.origin.endsWith("world.rss#item-1"));
    expect(rss?.raw).toMatchObject({ contentType: "application/rss+xml", path: expect.stringMatching(/world\.rss$/) });
  });

  it("reads .html.gz pages directly", async () => {
    const [r] = await collect([fixturePath("pages/e372e42c.html.gz")]);
    expect(r.ok && r.value.input).toMatchObject({
      id: "e372e42c.html",
      title: expect.stringContaining("Son of former German president stabbed to death"),
    });
  });

  it("reports a missing path and a file over the size limit without stopping", async () => {
    const rs = await collect(["/no/such/file.html", fixturePath("pages/e372e42c.html.gz")], { maxBytes: 1000 });
    expect(rs.map((r) => !r.ok && r.error.code)).toEqual(["input_missing", "input_too_large"]);
    expect(rs[0].ok || rs[0].error.message).toBe("/no/such/file.html: no such file or directory");
  });

  it("names content types for the store from the extension", () => {
    expect(["a.html.gz", "b.atom", "c.jsonl", "d.txt", "e.json"].map(contentTypeOf)).toEqual([
      "text/html",
      "application/atom+xml",
      "application/x-ndjson",
      "text/plain",
      "application/feed+json",
    ]);
  });
});
