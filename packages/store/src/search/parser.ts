import { ACTIONS, type Item, P, S } from "./parser-table.ts";
import { ALPHA, DIGIT, SPACE, SPECIAL, charClass } from "./chars.ts";

/** Token types of PostgreSQL's default parser (ts_token_type('default')). */
export enum T {
  AsciiWord = 1,
  Word,
  NumWord,
  Email,
  Url,
  Host,
  SFloat,
  Version,
  HWordNumPart,
  HWordPart,
  HWordAsciiPart,
  Blank,
  Tag,
  Protocol,
  NumHWord,
  AsciiHWord,
  HWord,
  UrlPath,
  File,
  Float,
  Int,
  UInt,
  Entity,
}

const A_BINGO = 1,
  A_POP = 2,
  A_PUSH = 4,
  A_RERUN = 8,
  A_CLEAR = 16,
  A_MERGE = 32,
  A_CLRALL = 64;
const TPS_BASE = 0,
  TPS_IN_URL_PATH_FIRST = 57,
  TPS_NULL = 77;

// One TParserPosition: a frame of the parser's backtracking stack. Positions count code points, not bytes: every
// predicate that PostgreSQL asks of the byte length (charlen == 1) is asked here of the code point (< 0x80).
interface Frame {
  pos: number;
  atEnd: boolean; // charlen == 0
  lenToken: number;
  state: number;
  pushedAt: number; // index of the item that pushed the frame above this one, -1 if none
  prev: Frame | null;
}

const frame = (prev: Frame | null): Frame =>
  prev
    ? { pos: prev.pos, atEnd: prev.atEnd, lenToken: prev.lenToken, state: prev.state, pushedAt: -1, prev }
    : { pos: 0, atEnd: false, lenToken: 0, state: TPS_BASE, pushedAt: -1, prev: null };

// Most predicates depend only on the character: its code below 0x80, else its class bits; EOF has a key of its own.
const EOF_KEY = 0x80 + 16;
const keyOf = (c: number) => (c < 0x80 ? c : 0x80 + charClass(c));

/** The predicate's value for a character key, or null when it depends on the parser (flags, sub-parses). */
function holds(item: Item, key: number): boolean | null {
  const eof = key === EOF_KEY;
  const cls = eof ? 0 : key < 0x80 ? charClass(key) : key - 0x80;
  switch (item[0]) {
    case P.EOF:
      return eof;
    case P.EqC:
      return key === item[1];
    case P.AscLet:
      return key < 0x80 && (cls & ALPHA) !== 0;
    case P.Alpha:
      return (cls & ALPHA) !== 0;
    case P.Digit:
      return (cls & DIGIT) !== 0;
    case P.Alnum:
      return (cls & (ALPHA | DIGIT)) !== 0;
    case P.NotAlnum:
      return (cls & (ALPHA | DIGIT)) === 0;
    case P.Special:
      return (cls & SPECIAL) !== 0;
    case P.Space:
      return (cls & SPACE) !== 0;
    case P.XDigit:
      return (key >= 48 && key <= 57) || (key >= 65 && key <= 70) || (key >= 97 && key <= 102);
    case P.URLChar:
      // RFC 3986 characters only, as p_isurlchar: no non-ASCII, spaces, controls or "<>\^`{|}
      return key > 0x20 && key < 0x7f && !'"<>\\^`{|}'.includes(String.fromCharCode(key));
    case P.Default:
      return true;
    default:
      return null;
  }
}

// Which item a state picks for each character key, starting at a given item, while the parser has neither `ignore`
// nor `wanthost` set (so p_isignore and p_isstophost are false); -1 where a sub-parse (p_ishost, p_isURLPath) decides.
const ROW_STRIDE = 32;
const DISPATCH: Int16Array[] = [];
function dispatchRow(state: number, from: number): Int16Array {
  const actions = ACTIONS[state]!;
  const row = new Int16Array(EOF_KEY + 1);
  for (let key = 0; key <= EOF_KEY; key++) {
    let i = from;
    for (; ; i++) {
      const item = actions[i]!;
      const p = item[0] === P.Ignore || item[0] === P.StopHost ? false : holds(item, key);
      if (p === null) {
        i = -1;
        break;
      }
      if (p) break;
    }
    row[key] = i;
  }
  DISPATCH[state * ROW_STRIDE + from] = row;
  return row;
}

const TPS_IN_ASCII_WORD = 2,
  TPS_IN_SPACE = 7;
const ASCII_WORD_ROW = dispatchRow(TPS_IN_ASCII_WORD, 0);
const ASCII_WORD_END = ACTIONS[TPS_IN_ASCII_WORD]!.length - 1; // default: BINGO asciiword
const BASE_ROW = dispatchRow(TPS_BASE, 0);
const BASE_TO_SPACE = ACTIONS[TPS_BASE]!.length - 1; // default: on to InSpace
const SPACE_ROW = dispatchRow(TPS_IN_SPACE, 0);
const SPACE_STAY = ACTIONS[TPS_IN_SPACE]!.findIndex((i) => i[0] === P.NotAlnum);

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
function startsWithCI(cps: string, at: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (lower(cps.charCodeAt(at + i)) !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * PostgreSQL's default text-search parser (wparser_def.c: TParserGet and its predicates), run on code points. It walks
 * the same action tables with the same push/pop/clear stack, so tokens, their types and their boundaries are PostgreSQL's
 * for every text whose characters chars.ts classifies as PostgreSQL does. Texts are
 * strings of BMP code points only (one UTF-16 unit each); positions are indices into them.
 */
class Parser {
  state: Frame;
  ignore = false;
  wanthost = false;
  token = 0;
  lenToken = 0;
  type = 0;

  constructor(
    private readonly cps: string,
    private readonly end: number,
    start: number,
  ) {
    this.state = frame(null);
    this.state.pos = start;
  }

  private test(item: Item): boolean {
    const st = this.state;
    switch (item[0]) {
      case P.Ignore:
        return this.ignore;
      case P.StopHost:
        if (!this.wanthost) return false;
        this.wanthost = false;
        return true;
      case P.Host:
        return this.sub(false);
      case P.URLPath:
        return this.sub(true);
      default:
        return holds(item, st.atEnd ? EOF_KEY : keyOf(this.cps.charCodeAt(st.pos)))!;
    }
  }

  private scan(actions: readonly Item[], from: number): number {
    let i = from;
    while (actions[i]![0] !== P.Default && !this.test(actions[i]!)) i++;
    return i;
  }

  // p_ishost / p_isURLPath: a fresh parser from the current position must yield a whole host (url path) token.
  private sub(urlPath: boolean): boolean {
    const st = this.state;
    const tmp = new Parser(this.cps, this.end, st.pos);
    if (urlPath) {
      tmp.state = frame(tmp.state);
      tmp.state.state = TPS_IN_URL_PATH_FIRST;
    } else tmp.wanthost = true;
    if (!tmp.next() || tmp.type !== (urlPath ? T.UrlPath : T.Host)) return false;
    st.pos += tmp.lenToken;
    st.lenToken += tmp.lenToken;
    st.atEnd = tmp.state.atEnd;
    return true;
  }

  private special(s: S): void {
    const st = this.state;
    switch (s) {
      case S.Tags: {
        // <script> and <style> bodies are skipped as blank until their closing tag.
        const n = st.lenToken,
          t = this.token;
        if (n === 8 && startsWithCI(this.cps, t, "</script")) this.ignore = false;
        else if (n === 7 && startsWithCI(this.cps, t, "</style")) this.ignore = false;
        else if (n === 7 && startsWithCI(this.cps, t, "<script")) this.ignore = true;
        else if (n === 6 && startsWithCI(this.cps, t, "<style")) this.ignore = true;
        return;
      }
      case S.FURL:
        this.wanthost = true;
        st.pos -= st.lenToken;
        return;
      case S.Hyphen:
        st.pos -= st.lenToken;
        return;
      case S.VerVersion:
        st.pos -= st.lenToken;
        st.lenToken = 0;
        return;
    }
  }

  // Shortcut for the two tokens that make up most text, taken only where the tables would run the same course: from
  // Base, a run of ASCII letters that InAsciiWord ends with its default BINGO (no '.', '-', digit... after it), or a
  // run InSpace keeps (p_isnotalnum) up to one of its BINGO items. Neither pushes a frame, so nothing else changes.
  private plain(): boolean {
    const st = this.state,
      text = this.cps,
      end = this.end,
      start = st.pos;
    const c = text.charCodeAt(start);
    let j = start + 1;
    if (c < 0x80 && (charClass(c) & ALPHA) !== 0) {
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d >= 0x80 || (charClass(d) & ALPHA) === 0) break;
        j++;
      }
      if (j < end && ASCII_WORD_ROW[keyOf(text.charCodeAt(j))] !== ASCII_WORD_END) return false;
      this.type = T.AsciiWord;
    } else if (BASE_ROW[keyOf(c)] === BASE_TO_SPACE) {
      while (j < end && SPACE_ROW[keyOf(text.charCodeAt(j))] === SPACE_STAY) j++;
      this.type = T.Blank;
    } else return false;
    st.pos = j;
    st.lenToken = 0;
    this.lenToken = j - start;
    return true;
  }

  /** TParserGet: advances to the next token; false at the end of the text. */
  next(): boolean {
    if (this.state.pos >= this.end) return false;
    this.token = this.state.pos;
    this.state.pushedAt = -1;
    if (this.state.state === TPS_BASE && !this.ignore && !this.wanthost && this.plain()) return true;
    let item: Item | undefined;
    while (this.state.pos <= this.end) {
      const st = this.state;
      st.atEnd = st.pos === this.end;
      const actions = ACTIONS[st.state]!;
      let i = 0;
      if (st.pushedAt >= 0) {
        // After a POP, pick up at the next test.
        i = st.pushedAt + 1;
        st.pushedAt = -1;
      }
      if (!this.ignore && !this.wanthost) {
        const row = DISPATCH[st.state * ROW_STRIDE + i] ?? dispatchRow(st.state, i);
        const chosen = row[st.atEnd ? EOF_KEY : keyOf(this.cps.charCodeAt(st.pos))]!;
        i = chosen >= 0 ? chosen : this.scan(actions, i);
      } else i = this.scan(actions, i);
      item = actions[i]!;
      const flags = item[2];
      if (item[5] !== S.None) this.special(item[5]);
      if (flags & A_BINGO) {
        this.lenToken = st.lenToken;
        st.lenToken = 0;
        this.type = item[4];
      }
      if (flags & A_POP) {
        this.state = st.prev!;
      } else if (flags & A_PUSH) {
        st.pushedAt = i;
        this.state = frame(st);
      } else if (flags & A_CLEAR) {
        st.prev = st.prev!.prev;
      } else if (flags & A_CLRALL) {
        st.prev = null;
      } else if (flags & A_MERGE) {
        const prev = st.prev!;
        prev.pos = st.pos;
        prev.atEnd = st.atEnd;
        prev.lenToken = st.lenToken;
        this.state = prev;
      }
      if (item[3] !== TPS_NULL) this.state.state = item[3];
      if (flags & A_BINGO || (this.state.pos >= this.end && !(flags & A_RERUN))) break;
      if (flags & (A_RERUN | A_POP)) continue;
      const cur = this.state;
      if (!cur.atEnd) {
        cur.pos++;
        cur.lenToken++;
      }
    }
    return item !== undefined && (item[2] & A_BINGO) !== 0;
  }
}

/** Calls `emit` with each token PostgreSQL's default parser finds in `text` (BMP only), in order. */
export function parse(text: string, emit: (type: T, start: number, length: number) => void): void {
  const p = new Parser(text, text.length, 0);
  while (p.next()) emit(p.type, p.token, p.lenToken);
}
