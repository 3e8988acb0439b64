/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type {
  ArticleDetail,
  EntityDetail,
  SearchResult,
  Source,
  StoryBundle,
  StorySummary,
} from "@newsfuse/core/schema";
import { Box, Text, useInput } from "ink";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { TuiClient } from "../client.ts";
import { errorMessage, type Resource, useResources } from "../hooks/resources.ts";
import { splitKeys } from "../keys/keymap.ts";
import { articleLines, focusLine } from "../screens/article.ts";
import { shortId } from "../screens/labels.ts";
import { filterLines, type Line, matchLines, seg } from "../screens/lines.ts";
import { entityLines, helpLines, searchLines } from "../screens/other.ts";
import { sourcesLines } from "../screens/sources.ts";
import { sortStories, storiesHeader, storiesLines } from "../screens/stories.ts";
import { disagreementArticles, storyTabLines } from "../screens/story.ts";
import {
  current,
  type Frame,
  initialState,
  type NavState,
  reduce,
  type Route,
  STORY_TABS,
  type Sort,
  type View,
} from "../state/nav.ts";
import { List, Segments } from "./List.tsx";

export interface AppProps {
  client: TuiClient;
  width: number;
  height: number;
  noColor?: boolean;
  /** Called once the user quits. */
  onQuit: () => void;
  copy?: (text: string) => void;
  openUrl?: (url: string) => void;
  /** Where to start (tests open a story directly). */
  initial?: Route;
}

const SORT_PARAM = { newest: "newest", "most covered": "covered", "most disputed": "disputed" } as const;
const PAGE = 200;

interface ScreenData {
  lines: Line[];
  /** Fixed lines above the list (column names). */
  header: Line[];
  loading: boolean;
  error: string | null;
  title: string;
}

const loadingLines = (what: string): Line[] => [{ group: 0, segments: [seg(`loading ${what}…`, "dim")] }];

/** The cache key of what a route shows. */
function keyOf(route: Route, sort: Sort): string {
  switch (route.kind) {
    case "stories":
      return `stories:${sort}`;
    case "story":
      return `story:${route.id}`;
    case "article":
      return `article:${route.id}`;
    case "entity":
      return `entity:${route.id}`;
    case "search":
      return `search:${route.q}`;
    case "help":
      return "help";
    case "sources":
      return "sources";
  }
}

/** A route's name in the breadcrumb: from the route, else from its loaded data, else its id. */
function titleOf(route: Route, data: unknown): string {
  switch (route.kind) {
    case "stories":
      return "Stories";
    case "story":
      return route.title ?? (data as StoryBundle | undefined)?.story.title ?? route.id;
    case "article":
      return route.title ?? (data as ArticleDetail | undefined)?.article.title ?? shortId(route.id);
    case "entity":
      return route.name ?? (data as EntityDetail | undefined)?.entity.name ?? route.id;
    case "search":
      return `search “${route.q}”`;
    case "help":
      return "Help";
    case "sources":
      return "Sources";
  }
}

const clipTo = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function App(props: AppProps) {
  const { client, width, noColor = false } = props;
  const [nav, dispatch] = useReducer(reduce, props.initial, (r?: Route) => initialState(r));
  const { get, reload, peek } = useResources();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const v = current(nav);
  const listWidth = width - 2;

  // Live updates: new and changed stories are refetched and marked until the list is reloaded by hand.
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touched = new Set<string>();
    (async () => {
      try {
        for await (const { event: e } of client.events({ signal: abort.signal })) {
          if (e.type === "story.created" || e.type === "story.updated") touched.add(e.storyId);
          else if (e.type !== "reset") continue;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const ids = [...touched];
            touched.clear();
            setFresh((f) => new Set([...f, ...ids]));
            reload((k) => k.startsWith("stories:") || ids.some((id) => k === `story:${id}`));
          }, 250);
        }
      } catch {
        // The stream ends on quit (abort) or when the server goes away; the screens keep what they have.
      }
    })();
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [client, reload]);

  const data = useScreenData(v, nav.sort, listWidth, client, get, fresh);
  const sources = useSourceCount(client, get);
  const shown = useMemo(() => filterLines(data.lines, v.filter), [data.lines, v.filter]);
  const matches = useMemo(() => matchLines(shown, v.filter), [shown, v.filter]);
  const topLines = 1 + data.header.length;
  const listHeight = Math.max(3, props.height - 1 - topLines - 2);
  const frame: Frame = { lines: shown.length, height: listHeight, matches, lineAt: (i) => shown[i] };
  const frameRef = useRef(frame);
  frameRef.current = frame;

  // The reader opens at the quote or figure it was reached from, once its lines are there.
  useEffect(() => {
    if (v.route.kind === "article" && v.route.focus && !v.positioned && !data.loading && data.lines.length > 1)
      dispatch({ type: "jump", line: focusLine(data.lines), frame: frameRef.current });
  }, [v, data.loading, data.lines]);

  useEffect(() => {
    const e = nav.effect;
    if (!e) return;
    if (e.kind === "copy") {
      props.copy?.(e.text);
      dispatch({ type: "notice", text: `copied: ${clipTo(e.text, 60)}` });
    } else if (e.kind === "openUrl") {
      props.openUrl?.(e.url);
      dispatch({ type: "notice", text: `opening ${e.url}` });
    } else {
      setFresh(new Set());
      reload(() => true);
      dispatch({ type: "notice", text: "reloaded" });
    }
  }, [nav.effect, props.copy, props.openUrl, reload]);

  useEffect(() => {
    if (nav.quit) props.onQuit();
  }, [nav.quit, props.onQuit]);

  // Keys of a burst (a paste, tmux send-keys, fast typing) are applied one per render, so each one sees
  // the screen the previous one made: "q" then Enter opens the line under the cursor of the list it
  // went back to, not of the screen it left.
  const queue = useRef<Array<{ name: string | null; input: string }>>([]);
  const [pumped, pump] = useReducer((n: number) => n + 1, 0);
  useInput((input, key) => {
    const ks = splitKeys(input, key);
    // A lone key (the usual case) is applied at once: the frame it sees is the one on screen.
    if (!queue.current.length) {
      const first = ks.shift();
      if (first) dispatch({ type: "key", ...first, frame: frameRef.current });
    }
    if (!ks.length) return;
    queue.current.push(...ks);
    pump();
  });
  useEffect(() => {
    const k = queue.current.shift();
    if (!k) return;
    dispatch({ type: "key", ...k, frame: frameRef.current });
    if (queue.current.length) pump();
  }, [pumped]);

  const crumbs = nav.stack.map((s: View) => titleOf(s.route, peek(keyOf(s.route, nav.sort))));
  if (v.route.kind === "story") crumbs.push(STORY_TABS[v.tab] as string);
  const position = shown.length ? `${v.cursor + 1}/${shown.length}` : "0/0";
  const filterNote = v.filter ? ` /${v.filter} (${matches.length} lines)` : "";
  const status = ` ${crumbs.map((c) => clipTo(c, 32)).join(" › ")}${filterNote}`;
  const sourceNote = sources ? `${sources} ${sources === 1 ? "source" : "sources"} (F) · ` : "";
  const right = `${data.loading ? "loading… " : ""}${sourceNote}${position} `;

  return (
    <Box flexDirection="column" width={width} height={props.height - 1}>
      <TopBar nav={nav} view={v} width={width} noColor={noColor} title={data.title} />
      {data.header.map((h, i) => (
        <Text key={i} wrap="truncate-end">
          {"  "}
          <Segments segments={h.segments} noColor={noColor} />
        </Text>
      ))}
      <List lines={shown} cursor={v.cursor} offset={v.offset} height={listHeight} noColor={noColor} />
      <Text inverse wrap="truncate-end">
        {status.padEnd(Math.max(0, width - right.length)).slice(0, Math.max(0, width - right.length))}
        {right}
      </Text>
      <BottomLine nav={nav} error={data.error} noColor={noColor} />
    </Box>
  );
}

function TopBar(props: { nav: NavState; view: View; width: number; noColor: boolean; title: string }) {
  const { view: v } = props;
  if (v.route.kind === "story")
    return (
      <Text wrap="truncate-end">
        {STORY_TABS.map((t, i) => (
          <Text key={t} inverse={i === v.tab} bold={i === v.tab}>
            {` ${i + 1} ${t} `}
          </Text>
        ))}
      </Text>
    );
  const sortNote = v.route.kind === "stories" ? ` · sorted by ${props.nav.sort} (S)` : "";
  return (
    <Text wrap="truncate-end" bold>
      {props.title}
      <Text dimColor>{sortNote}</Text>
    </Text>
  );
}

function BottomLine(props: { nav: NavState; error: string | null; noColor: boolean }) {
  const { prompt, notice } = props.nav;
  if (prompt)
    return (
      <Text wrap="truncate-end">
        <Text bold>{prompt.kind === "filter" ? "/" : "search: "}</Text>
        {prompt.text}
        <Text inverse> </Text>
        <Text dimColor>
          {prompt.kind === "filter"
            ? "  Enter keep · Esc clear"
            : "  Enter search articles, quotes, entities · Esc cancel"}
        </Text>
      </Text>
    );
  if (props.error)
    return <Text color={props.noColor ? undefined : "red"} bold wrap="truncate-end">{`error: ${props.error}`}</Text>;
  if (notice) return <Text wrap="truncate-end">{notice}</Text>;
  return (
    <Text dimColor wrap="truncate-end">
      ?:help j/k:move Enter:open q/Esc:back /:filter n/N:match Tab/1-6:tabs s:search y:copy Q:quit
    </Text>
  );
}

type Get = ReturnType<typeof useResources>["get"];

/**
 * How many feeds are subscribed, for the status bar; 0 while loading, without sources, or from a server
 * that has no sources endpoint (the count is a hint, never an error on screen).
 */
function useSourceCount(client: TuiClient, get: Get): number {
  // Async, so a client without the call rejects (no count) instead of throwing while rendering.
  const res = get("sources", async () => client.listSources());
  return res.data?.items.length ?? 0;
}

async function allStories(client: TuiClient, sort: Sort, partial: (s: StorySummary[]) => void) {
  const out: StorySummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listStories({ sort: SORT_PARAM[sort], limit: PAGE, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (cursor) partial([...out]);
  } while (cursor);
  return out;
}

function useScreenData(
  v: View,
  sort: Sort,
  width: number,
  client: TuiClient,
  get: Get,
  fresh: ReadonlySet<string>,
): ScreenData {
  const r = v.route;
  let res: Resource<unknown>;
  let bodies: Map<string, ArticleDetail> | null = null;
  switch (r.kind) {
    case "stories":
      res = get(`stories:${sort}`, (partial) => allStories(client, sort, partial));
      break;
    case "story": {
      res = get(`story:${r.id}`, () => client.getStoryBundle(r.id));
      const b = res.data as StoryBundle | undefined;
      if (b && v.tab === 4) {
        bodies = new Map();
        for (const id of disagreementArticles(b)) {
          const a = get(`article:${id}`, () => client.getArticle(id));
          if (a.data) bodies.set(id, a.data as ArticleDetail);
        }
      }
      break;
    }
    case "article":
      res = get(`article:${r.id}`, () => client.getArticle(r.id));
      break;
    case "entity":
      res = get(`entity:${r.id}`, () => client.getEntity(r.id));
      break;
    case "search":
      res = get(`search:${r.q}`, () => client.search(r.q));
      break;
    case "help":
      res = { status: "ok", data: null };
      break;
    case "sources":
      res = get("sources", () => client.listSources());
      break;
  }
  const bodyKey = bodies ? [...bodies.keys()].join(",") : "";
  const lines = useMemo((): Line[] => {
    if (r.kind === "help") return helpLines(width);
    if (res.data === undefined) return res.status === "error" ? [] : loadingLines("…");
    switch (r.kind) {
      case "stories": {
        const stories = sortStories(res.data as StorySummary[], sort);
        return stories.length
          ? storiesLines(stories, width, fresh)
          : [{ group: 0, segments: [seg("no stories yet: run newsfuse tui <paths> to ingest some", "dim")] }];
      }
      case "story":
        return storyTabLines(res.data as StoryBundle, v.tab, width, bodies ?? new Map());
      case "article":
        return articleLines(res.data as ArticleDetail, width, {
          showRemoved: v.showRemoved,
          ...(r.focus ? { focus: r.focus } : {}),
        });
      case "entity":
        return entityLines(res.data as EntityDetail, width);
      case "search":
        return searchLines(res.data as SearchResult, width);
      case "sources":
        return sourcesLines((res.data as { items: Source[] }).items, width);
    }
  }, [r, res.data, res.status, sort, width, v.tab, v.showRemoved, fresh, bodyKey]);
  const count = r.kind === "stories" && Array.isArray(res.data) ? ` · ${(res.data as unknown[]).length} stories` : "";
  return {
    lines,
    header: r.kind === "stories" ? [storiesHeader(width)] : [],
    loading: res.status === "loading" || !!res.stale,
    error: res.error ? errorMessage(res.error) : null,
    title: `newsfuse · ${titleOf(r, res.data)}${count}`,
  };
}
