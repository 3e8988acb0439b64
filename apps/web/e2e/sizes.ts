// Prints the built dashboard's sizes (gzip kB): `node --import tsx e2e/sizes.ts` after `npm run build -w apps/web`.
import { bundleSizes } from "./bundle-sizes.ts";

console.log(JSON.stringify(bundleSizes(), null, 1));
