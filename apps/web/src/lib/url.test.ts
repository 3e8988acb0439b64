import { describe, expect, it } from "vitest";
import { safeHref } from "./url.ts";

describe("safeHref", () => {
  it("links http(s) URLs only", () => {
    expect(safeHref("https://apnews.com/article/x")).toBe("https://apnews.com/article/x");
    expect(safeHref("http://example.org")).toBe("http://example.org/");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "/relative", "", null])
      expect(safeHref(bad)).toBeNull();
  });
});
