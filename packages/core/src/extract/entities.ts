import type { Entity } from "../schema/article.ts";

/** STUB: finds people, organizations and places in a body, resolved in-article. */
export function extractEntities(_body: string): Entity[] {
  return [];
}
