import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";
import type { App } from "../src/context.ts";
import { OPENAPI_INFO } from "../src/routes/system.ts";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

/**
 * Validates responses against the app's own OpenAPI document: the status must be documented for the
 * route, and a JSON body must match the schema for that status. Unrouted paths (404/405) must carry
 * the Error schema.
 */
export function openApiChecker(app: App) {
  const doc = app.getOpenAPI31Document(OPENAPI_INFO) as unknown as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  ajv.addSchema({ ...(doc as object), $id: "openapi.json" });
  const routes = Object.keys(doc.paths).map((p) => ({
    template: p,
    re: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorFor = (pointer: string) => {
    let v = cache.get(pointer);
    if (!v) cache.set(pointer, (v = ajv.compile({ $ref: `openapi.json#${pointer}` })));
    return v;
  };
  const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

  /** Returns a problem description, or null when the response conforms. */
  function problem(method: string, path: string, status: number, contentType: string, body: unknown): string | null {
    // HEAD is GET without a body: the status must be documented for GET, there is no body to check.
    const head = method === "HEAD";
    const m = head ? "get" : method.toLowerCase();
    const route = routes.find((r) => r.re.test(path) && doc.paths[r.template][m]);
    const isJson = contentType.startsWith("application/json");
    let pointer: string;
    if (!route || (status === 405 && !doc.paths[route.template][m])) {
      if (status < 400 || head) return null; // /docs, /openapi.json, /: not part of the described API
      pointer = "/components/schemas/Error";
    } else {
      const responses = doc.paths[route.template][m].responses;
      if (!responses[String(status)]) return `${method} ${route.template}: status ${status} is not documented`;
      if (!isJson || head) return null;
      if (!responses[String(status)].content?.["application/json"])
        return `${method} ${route.template} ${status}: JSON body where the document declares none`;
      pointer = `/paths/${esc(route.template)}/${m}/responses/${status}/content/application~1json/schema`;
    }
    if (!isJson)
      return `${method} ${path} ${status}: expected a JSON error body, got ${contentType || "no content type"}`;
    const validate = validatorFor(pointer);
    if (validate(body)) return null;
    return `${method} ${path} ${status}: body does not match ${pointer}: ${ajv.errorsText(validate.errors)}`;
  }

  return {
    problem,
    /** app.request + the conformance check; returns the response and its parsed body. */
    async request(path: string, init: RequestInit = {}, env?: unknown) {
      const res = await app.request(path, init, env);
      const contentType = res.headers.get("content-type") ?? "";
      const raw = await res.text();
      const body = contentType.startsWith("application/json") && raw ? JSON.parse(raw) : raw;
      const method = (init.method ?? "GET").toUpperCase();
      const p = problem(method, new URL(path, "http://x").pathname, res.status, contentType, body);
      expect(p, p ?? "").toBeNull();
      return { res, status: res.status, body, headers: res.headers };
    },
  };
}

/** The env @hono/node-server passes, so the app sees a peer address in app.request tests. */
export const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
export const LOOPBACK = fromAddress("127.0.0.1");
export const REMOTE = fromAddress("203.0.113.9");
