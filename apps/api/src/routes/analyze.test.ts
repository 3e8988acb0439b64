import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze as coreAnalyze } from "@newsfuse/core";
import { describe, expect, it } from "vitest";
import { LOOPBACK, useSeededApi } from "../test-support.ts";

const seed = readFileSync(join(import.meta.dirname, "../../../../seeds/003_6c04b11d307fba50.txt"), "utf8");
const { store, api } = useSeededApi();

const analyze = (body: BodyInit, type: string) =>
  api.request("/v1/analyze", { method: "POST", headers: { "content-type": type }, body }, LOOPBACK);

describe("POST /v1/analyze", () => {
  it("analyzes a seed article sent as text without storing it", async () => {
    const before = await store.stats();
    const { status, body } = await analyze(seed, "text/plain");
    expect(status).toBe(200);
    expect(body.body.length).toBeGreaterThan(500);
    // Exactly what core's analyze gives for the same input, through JSON.
    expect(body).toEqual(JSON.parse(JSON.stringify(coreAnalyze({ id: "input", text: seed }))));
    expect(await store.stats()).toEqual(before);
  });

  it("takes JSON with metadata, using `source` as the outlet", async () => {
    const { status, body } = await analyze(
      JSON.stringify({ text: seed, id: "mine", source: "Example Times", url: "https://example.com/a" }),
      "application/json",
    );
    expect(status).toBe(200);
    expect(body.id).toBe("mine");
    expect(body.provenance.outlet).toBe("Example Times");
    expect(body.provenance.url).toBe("https://example.com/a");
  });

  it("extracts the article from an HTML page", async () => {
    const paras = seed
      .split(/\n\s*\n/)
      .slice(0, 8)
      .map((p) => `<p>${p.replace(/[<&]/g, " ")}</p>`)
      .join("\n");
    const html = `<!doctype html><html lang="en"><head><title>Blinken and Lavrov meet</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>${paras}</article><footer>Copyright 2021</footer></body></html>`;
    const { status, body } = await analyze(html, "text/html; charset=utf-8");
    expect(status).toBe(200);
    expect(body.body).not.toContain("<p>");
    expect(body.body).not.toContain("Copyright 2021");
    expect(body.body.length).toBeGreaterThan(200);
  });

  it("refuses NDJSON (one article only), an empty text and a non-object", async () => {
    expect((await analyze("{}\n{}", "application/x-ndjson")).status).toBe(415);
    expect((await analyze(JSON.stringify({ text: "" }), "application/json")).status).toBe(400);
    expect((await analyze("[]", "application/json")).status).toBe(400);
    expect((await analyze("  \n ", "text/plain")).status).toBe(422);
  });
});
