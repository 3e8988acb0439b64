import type { Entity, NumberClaim } from "../schema/article.ts";

/** STUB: finds numeric claims with their subject. */
export function extractNumbers(_body: string, _entities: Entity[]): NumberClaim[] {
  return [];
}
