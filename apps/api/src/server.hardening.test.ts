import { connect } from "node:net";
import type { Store } from "@newsfuse/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./server.ts";
import { seededStore } from "./test-support.ts";

// The default body limit (10 MiB): the case seen, an 11 MiB body, goes past every socket buffer.
const LIMIT = 10 * 1024 * 1024;

/**
 * Sends a whole request over a raw socket before reading a byte of the answer, as Python's urllib does,
 * and returns what came back. A server that answered early and closed would make the write fail instead.
 */
function sendWhole(
  port: number,
  head: string,
  body: Uint8Array,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let written = false;
    socket.on("error", (e) => reject(new Error(`after ${written ? "sending" : "part of"} the body: ${e.message}`)));
    socket.on("data", (d) => chunks.push(d));
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [headers, ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(headers!.split(" ")[1]), headers: headers!, body: rest.join("\r\n\r\n") });
    });
    socket.write(head);
    socket.write(body, () => {
      written = true;
    });
  });
}

/** The body of a chunked or plain HTTP/1.1 answer, as JSON. */
function jsonBody(raw: string, headers: string): unknown {
  if (!/transfer-encoding: chunked/i.test(headers)) return JSON.parse(raw);
  let out = "";
  let rest = raw;
  for (;;) {
    const nl = rest.indexOf("\r\n");
    const n = Number.parseInt(rest.slice(0, nl), 16);
    if (!n) break;
    out += rest.slice(nl + 2, nl + 2 + n);
    rest = rest.slice(nl + 2 + n + 2);
  }
  return JSON.parse(out);
}

describe("the real server's answers to oversized requests", () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    store = await seededStore();
    server = await startServer({ store, port: 0, host: "127.0.0.1", logger: () => {} });
  });
  afterAll(() => server.close({ graceMs: 100 }));

  it("answers a 100 kB query string with 431 in the JSON error envelope", async () => {
    const r = await fetch(`${server.url}/v1/stories?q=${"a".repeat(100_000)}`);
    expect(r.status).toBe(431);
    expect(r.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("headers_too_large");
    expect(body.error.message).toMatch(/header/i);
  });

  it("lets a client that sends the whole oversized body read its 413 envelope", async () => {
    const body = new Uint8Array(LIMIT + 1024 * 1024).fill(0x61);
    const head =
      `POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const r = await sendWhole(server.port, head, body);
    expect(r.status).toBe(413);
    expect(jsonBody(r.body, r.headers)).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("stops reading a body past the drain bound and closes, never hanging", async () => {
    // Past the bound (64 MiB) the server stops reading: the client may see its write fail, or read its 413.
    const head =
      `POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${8 * LIMIT}\r\n\r\n`;
    const r = await sendWhole(server.port, head, new Uint8Array(8 * LIMIT)).catch((e: Error) => e);
    if (!(r instanceof Error)) expect(r.status).toBe(413);
  });
});
