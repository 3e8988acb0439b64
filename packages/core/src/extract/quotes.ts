import type { Entity, Quote } from "../schema/article.ts";

/** STUB: finds direct quotations and their speakers. */
export function extractQuotes(_body: string, _entities: Entity[]): Quote[] {
  return [];
}
