import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./address.ts";
import { canonicalUrl, pageCanonical } from "./canonical.ts";
import { fetcherFromEnv } from "./env.ts";

describe("canonicalUrl", () => {
  it("strips tracking parameters, the fragment and the default port, and keeps the other parameters in order", () => {
    expect(
      canonicalUrl("HTTPS://Example.org:443/a/b?id=7&utm_source=rss&utm_medium=feed&fbclid=x&page=2#comments"),
    ).toBe("https://example.org/a/b?id=7&page=2");
    expect(canonicalUrl("/story.html?gclid=1", "http://example.org/feed.xml")).toBe("http://example.org/story.html");
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("not a url")).toBeNull();
  });
});

describe("pageCanonical", () => {
  it("reads <link rel=canonical> in either attribute order, resolved against the page", () => {
    expect(pageCanonical('<head><link href="/a.html?utm_campaign=x" rel="canonical"></head>', "http://h/amp/a")).toBe(
      "http://h/a.html",
    );
    expect(pageCanonical("<link rel=canonical href=https://h/b>", "http://h/x")).toBe("https://h/b");
    expect(pageCanonical('<link rel="alternate" href="/c">', "http://h/x")).toBeNull();
  });
});

describe("isPrivateAddress", () => {
  it("covers loopback, private, link-local, shared, multicast and mapped addresses, not public ones", () => {
    for (const ip of ["127.0.0.1", "10.2.3.4", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "[::1]", "ff02::1"])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});

describe("fetcherFromEnv", () => {
  it("puts the operator's contact in the User-Agent, or says that none is configured", () => {
    expect(fetcherFromEnv({ NEWSFUSE_FETCH_CONTACT: "mailto:ops@example.org" }).userAgent).toBe(
      "newsfuse/0.1 (+mailto:ops@example.org)",
    );
    expect(fetcherFromEnv({}).userAgent).toMatch(/^newsfuse\/0\.1 \(no contact configured/);
    expect(fetcherFromEnv({ NEWSFUSE_FETCH_USER_AGENT: "acme-news/2 (+https://acme.example)" }).userAgent).toBe(
      "acme-news/2 (+https://acme.example)",
    );
  });
});
