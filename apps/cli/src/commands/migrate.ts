import type { Command } from "commander";
import { addStoreOptions, withStore, type StoreFlags } from "../store-access.ts";

/** `newsfuse migrate`: apply pending migrations (they also run whenever the store opens). */
export function register(program: Command): void {
  addStoreOptions(
    program
      .command("migrate")
      .description("Apply pending database migrations (they also run whenever the store opens)"),
  ).action(async (flags: StoreFlags) => {
    await withStore(
      flags,
      async (store) => {
        const applied = await store.migrate();
        console.log(
          applied.length ? `applied ${applied.join(", ")} to ${store.location}` : `${store.location} is up to date`,
        );
      },
      { skipIndexes: true, shortLived: true },
    );
  });
}
