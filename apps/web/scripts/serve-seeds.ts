// A seeded server for looking at the dashboard by hand: `node --import tsx scripts/serve-seeds.ts`.
import { seededServer } from "../e2e/server.ts";

const s = await seededServer();
console.log(s.url);
process.on("SIGTERM", () => void s.close().then(() => process.exit(0)));
