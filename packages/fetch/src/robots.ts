import robotsParser from "robots-parser";

/** What one origin's robots.txt says, as far as the fetcher needs it. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Seconds, when the file sets one for our agent. */
  crawlDelay: number | undefined;
  /** Why everything is refused when the file could not be read (RFC 9309: an unreachable robots.txt means "disallow all"). */
  unavailable?: string;
  /** The host's address is one the fetcher may not reach. */
  refused?: string;
}

/** Reads a robots.txt body (or its absence) into rules for one user agent. */
export function robotsRules(
  robotsUrl: string,
  answer: { status: number; body: string } | { error: string },
  agent: string,
): RobotsRules {
  if ("error" in answer)
    return { isAllowed: () => false, crawlDelay: undefined, unavailable: `robots.txt unreachable (${answer.error})` };
  // RFC 9309 2.3.1: 4xx means no rules; 5xx means assume complete disallow.
  if (answer.status >= 500)
    return { isAllowed: () => false, crawlDelay: undefined, unavailable: `robots.txt answered ${answer.status}` };
  if (answer.status >= 400 || answer.status < 200) return { isAllowed: () => true, crawlDelay: undefined };
  const robot = robotsParser(robotsUrl, answer.body);
  return {
    isAllowed: (url) => robot.isAllowed(url, agent) !== false,
    crawlDelay: robot.getCrawlDelay(agent),
  };
}

/** The product token robots.txt groups match against: "newsfuse" from "newsfuse/0.1 (+mailto:...)". */
export function agentToken(userAgent: string): string {
  return userAgent.split(/[\s/]/, 1)[0] || userAgent;
}
