import { openStore } from "@newsfuse/store";
import { runTui } from "./src/run.ts";
import type { TuiClient } from "./src/client.ts";
const dir = process.argv[2] ?? "/tmp/tui-seeds";
let store: Awaited<ReturnType<typeof openStore>>;
const code = await runTui({
  boot: async (report) => {
    report({ phase: "opening", detail: dir });
    store = await openStore({ dataDir: dir, workers: 0 });
    const nn = <T>(x: T | null): T => {
      if (x === null) throw new Error("not found");
      return x;
    };
    const client: TuiClient = {
      listStories: (q) => store.listStories(q as never) as never,
      getStoryBundle: async (id) => nn(await store.getStoryBundle(id)),
      getArticle: async (id) => nn(await store.getArticle(id)) as never,
      getEntity: async (id) => nn(await store.getEntity(id)) as never,
      search: (q) => store.search(q) as never,
      events: async function* () {
        await new Promise(() => {});
      },
    };
    return { client, where: dir };
  },
  close: () => store?.close(),
});
process.exit(code);
