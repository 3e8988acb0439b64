import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { PassThrough, type Readable } from "node:stream";
import { AddressRefused, lookupRefusing } from "./address.ts";

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  /** Addresses not to connect to (checked after DNS resolution), or null to allow all. */
  refused: ((ip: string) => boolean) | null;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Decoded body bytes above this abort the request. */
  maxBytes: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The decoded (decompressed) body; empty for 3xx and 304. */
  body: Uint8Array;
}

/** Why one request failed without an HTTP answer. `retryable` failures are worth another attempt. */
export interface HttpFailure {
  kind: "refused" | "timeout" | "too_large" | "network" | "bad_encoding";
  message: string;
  retryable: boolean;
}

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure };

function decoder(encoding: string | undefined, raw: Readable): Readable | null {
  const e = (encoding ?? "identity").trim().toLowerCase();
  if (e === "identity" || e === "") return raw;
  if (e === "gzip" || e === "x-gzip") return raw.pipe(createGunzip());
  if (e === "br") return raw.pipe(createBrotliDecompress());
  if (e === "deflate") {
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the first byte.
    let decided: ReturnType<typeof createInflate> | null = null;
    const out = new PassThrough();
    raw.once("data", (first: Buffer) => {
      const inflate = (first[0] & 0x0f) === 8 ? createInflate() : createInflateRaw();
      decided = inflate;
      inflate.pipe(out);
      inflate.on("error", (e) => out.destroy(e));
      inflate.write(first);
      raw.pipe(inflate);
    });
    raw.once("end", () => {
      if (!decided) out.end();
    });
    return out;
  }
  return null;
}

/** One HTTP(S) GET, no redirects followed, with connect and total timeouts and a size limit. */
export function httpGet(req: HttpRequest): Promise<HttpResult> {
  return new Promise((resolve) => {
    let done = false;
    let total: ReturnType<typeof setTimeout> | undefined;
    let connect: ReturnType<typeof setTimeout> | undefined;
    const finish = (r: HttpResult) => {
      if (done) return;
      done = true;
      clearTimeout(total);
      clearTimeout(connect);
      resolve(r);
    };
    const fail = (kind: HttpFailure["kind"], message: string, retryable: boolean) =>
      finish({ ok: false, failure: { kind, message, retryable } });

    const url = new URL(req.url);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // A literal address is never looked up, so it is checked here.
    if (req.refused && isIP(host) && req.refused(host)) {
      const e = new AddressRefused(host, host);
      return fail("refused", e.message, false);
    }
    const lib = url.protocol === "https:" ? https : http;
    const r = lib.request(url, {
      method: "GET",
      headers: req.headers,
      agent: false,
      ...(req.refused ? { lookup: lookupRefusing(req.refused) as never } : {}),
    });
    total = setTimeout(() => {
      fail("timeout", `no complete answer within ${req.totalTimeoutMs} ms`, true);
      r.destroy();
    }, req.totalTimeoutMs);
    connect = setTimeout(() => {
      fail("timeout", `could not connect within ${req.connectTimeoutMs} ms`, true);
      r.destroy();
    }, req.connectTimeoutMs);
    r.on("socket", (s) => {
      if (!s.connecting) clearTimeout(connect);
      s.once("connect", () => clearTimeout(connect));
      s.once("secureConnect", () => clearTimeout(connect));
    });
    r.on("error", (e: NodeJS.ErrnoException) => {
      if (e instanceof AddressRefused || (e as { code?: string }).code === "EADDRREFUSED")
        return fail("refused", e.message, false);
      fail("network", `${e.code ?? "error"}: ${e.message}`, true);
    });
    r.on("response", (res) => {
      clearTimeout(connect);
      const status = res.statusCode ?? 0;
      if ((status >= 300 && status < 400) || status === 204) {
        res.resume();
        res.on("end", () => finish({ ok: true, response: { status, headers: res.headers, body: new Uint8Array() } }));
        return;
      }
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > req.maxBytes) {
        res.destroy();
        return fail("too_large", `${declared} bytes declared, over the ${req.maxBytes}-byte limit`, false);
      }
      const stream = decoder(res.headers["content-encoding"], res);
      if (!stream) {
        res.destroy();
        return fail("bad_encoding", `unsupported Content-Encoding "${res.headers["content-encoding"]}"`, false);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        if (size > req.maxBytes) {
          fail("too_large", `body over the ${req.maxBytes}-byte limit`, false);
          res.destroy();
          stream.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on("error", (e) => fail("network", `cannot decode the body (${e.message})`, false));
      res.on("aborted", () => fail("network", "connection closed before the body was complete", true));
      stream.on("end", () =>
        finish({ ok: true, response: { status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) } }),
      );
    });
    r.end();
  });
}
