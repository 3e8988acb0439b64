// Times the read models on an existing embedded store, in process:
//   node --import tsx scripts/bench-reads.ts <dataDir>
// (e.g. the 20,000-article store `npm run bench -- api` leaves in $TMPDIR/newsfuse-bench-api-20000).
import { openStore } from "@newsfuse/store";
import { sql } from "kysely";

const dir = process.argv[2];
if (!dir) throw new Error("usage: bench-reads.ts <dataDir>");
const store = await openStore({ dataDir: dir, workers: 0 });
const median = async (n: number, f: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!.toFixed(1);
};
const stats = await store.stats();
console.log(`store: ${stats.articles} articles, ${stats.stories} stories; medians of 9 unless noted`);
// The bare page query (the story rows alone, no summary figures), as a yardstick for the machine's load.
const bare = () =>
  sql`select id, title, span_from, span_to, article_count, event_count, quote_count, discrepancy_count, updated_at
      from stories order by seq desc limit 51`.execute(store.db);
console.log(`bare page query (50 rows): ${await median(9, bare)} ms`);
for (const sort of ["newest", "updated", "covered", "disputed"] as const)
  for (const limit of [50, 200]) {
    const t = performance.now();
    await store.listStories({ sort, limit });
    const cold = (performance.now() - t).toFixed(1);
    const warm = await median(9, () => store.listStories({ sort, limit }));
    console.log(`listStories sort=${sort} limit=${limit}: first ${cold} ms, then ${warm} ms`);
  }
const [biggest] = (await store.listStories({ sort: "covered", limit: 1 })).items;
console.log(`largest story: ${biggest!.articleCount} articles, ${biggest!.originCount} origins`);
console.log(`getStory: ${await median(5, () => store.getStory(biggest!.id))} ms`);
console.log(`getStoryBundle: ${await median(5, () => store.getStoryBundle(biggest!.id))} ms`);
await store.close();
