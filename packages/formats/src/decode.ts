import { gunzipSync } from "fflate";

/** Inputs above this are refused before any parsing: no news page or feed is near it, and decoding one would stall a batch. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip with fflate (pure JS, so `parseBytes` stays browser-safe). Throws on truncated or corrupt data. */
export function gunzip(bytes: Uint8Array): Uint8Array {
  const out = gunzipSync(bytes);
  return out;
}

/** WHATWG label normalisation: TextDecoder knows the labels, we only map the ones publishers misspell. */
function normaliseLabel(label: string): string {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (l === "utf8") return "utf-8";
  if (l === "latin1" || l === "latin-1") return "windows-1252";
  return l;
}

/** Windows-1252's 0x80-0x9F (the rest is Latin-1). Undefined bytes keep their C1 code point, as browsers do. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/**
 * Node's TextDecoder decodes the "windows-1252" family as ISO-8859-1 (0x93 becomes U+0093, not a
 * curly quote), so that family is decoded here; every other charset goes to TextDecoder.
 */
function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let j = 0; j < part.length; j++) {
      const b = part[j];
      codes[j] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

const CP1252: Decoder = { encoding: "windows-1252", decode: decodeCp1252 };

function decoderFor(label: string): Decoder | null {
  try {
    const d = new TextDecoder(normaliseLabel(label));
    // WHATWG maps latin1, iso-8859-1, us-ascii and friends to windows-1252.
    return d.encoding === "windows-1252" ? CP1252 : d;
  } catch {
    return null;
  }
}

export type CharsetSource = "bom" | "http" | "meta" | "xml" | "sniffed" | "default";

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
}

/** charset=... of an HTTP Content-Type. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1] : null;
}

/** Looks for `<meta charset>` / `<meta http-equiv content="...charset=">` / `<?xml encoding=?>` in the first 4 kB, as browsers do (they scan 1024 bytes; CMS pages often put it later). */
function declaredInContent(bytes: Uint8Array): { charset: string; source: CharsetSource } | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const xml = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return { charset: xml[1], source: "xml" };
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  if (meta) return { charset: meta[1], source: "meta" };
  return null;
}

/**
 * Decodes bytes to text honouring, in order, a BOM, the HTTP charset, the charset declared in the
 * document, and otherwise sniffing: valid UTF-8 is UTF-8, anything else is read as Windows-1252
 * (the superset of Latin-1 that browsers use for it).
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "utf-8", source: "bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), charset: "utf-16le", source: "bom" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), charset: "utf-16be", source: "bom" };
  const http = charsetOfContentType(contentType);
  const declared = http ? { charset: http, source: "http" as const } : declaredInContent(bytes);
  if (declared) {
    const dec = decoderFor(declared.charset);
    if (dec) {
      // A page that says UTF-8 but is not (a common CMS mistake) would otherwise come out full of U+FFFD.
      if (dec.encoding === "utf-8") {
        const strict = tryUtf8(bytes);
        if (strict !== null) return { text: strict, charset: "utf-8", source: declared.source };
        return { text: decodeCp1252(bytes), charset: "windows-1252", source: "sniffed" };
      }
      return { text: dec.decode(bytes), charset: dec.encoding, source: declared.source };
    }
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: "utf-8", source: declared ? "sniffed" : "default" };
  return { text: decodeCp1252(bytes), charset: "windows-1252", source: "sniffed" };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the bytes look like binary data rather than text in any 8-bit or UTF-8 encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return !(bytes[0] === 0xff || bytes[0] === 0xfe); // UTF-16 has NULs; it is announced by a BOM
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.02;
}
