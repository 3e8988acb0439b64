export { isPrivateAddress, guardedLookup, AddressRefused, addressRefusal } from "./address.ts";
export { canonicalUrl, isHttpUrl, pageCanonical } from "./canonical.ts";
export {
  Fetcher,
  DEFAULT_USER_AGENT,
  userAgentWith,
  retryAfterMs,
  type FetcherOptions,
  type FetchResult,
  type Validators,
} from "./fetcher.ts";
export { HostScheduler, realSleep, type Sleep } from "./politeness.ts";
export { robotsRules, agentToken, type RobotsRules } from "./robots.ts";
export { classify, feedItems, ingestUrls, pageRaw, takeItem, type WebOutcome, type WebStore } from "./web.ts";
export {
  Poller,
  DEFAULT_BOUNDS,
  INITIAL_INTERVAL_SECONDS,
  nextInterval,
  failureDelaySeconds,
  type PollBounds,
  type PollResult,
  type PollerOptions,
} from "./poller.ts";
export { fetcherFromEnv, allowPrivateFromEnv } from "./env.ts";
