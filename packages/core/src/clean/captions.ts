// Photo captions and kickers. Captions are recognised by their credit (agency / photographer at
// the end, "FILE PHOTO:" at the start); a kicker is the short label printed just above a caption.
import { wordCount } from "../text/normalize.ts";

const CAPTION_END = [
  /\b(?:via|\/)\s*(?:REUTERS|AFP|AP|GETTY(?: IMAGES)?|Getty Images|EPA(?:-EFE)?|ANADOLU|SPUTNIK|TASS|XINHUA|BLOOMBERG)\s*\)?\.?$/,
  /\b(?:REUTERS|AFP|EPA|SPUTNIK|XINHUA)\/[A-Z][\p{L}.'\- ]+(?:\/(?:File(?: Photo)?|Pool))?\)?\.?$/u,
  /\((?:AP|AFP|Reuters|Getty|EPA) Photo(?:\/[^)]*)?\)\.?$/,
  /\((?:Photo|Photograph|Image|Picture)(?: by| credit| courtesy)?:?\s[^)]{2,80}\)\.?$/i,
  /\b(?:Getty Images|AFP via Getty Images|Shutterstock|Alamy|Pool Photo|Pool via [A-Z]+|File Photo)\s*\)?\.?$/,
  /\|\s*(?:Photo|Photograph|Image|Credit)s?\s*:?\s*[^|]{2,80}$/i,
  /\bPhotograph:\s[^.]{2,80}\.?$/,
];
// "16-inch MacBook Pro's new keyboard via iFixit": a short unpunctuated line crediting a source.
const VIA_CREDIT = /\bvia\s+(?=[\w.&'’-]*[A-Z])[A-Za-z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}$/;
const CAPTION_START = /^(?:FILE PHOTO|FILE|PHOTO|IN PICTURES|PICTURED)\s*[:\-–—]\s/;

/**
 * True when a paragraph is a photo caption ("... Jonathan Nackstrand / Pool via REUTERS",
 * "(AP Photo/Evan Vucci)", "FILE PHOTO: ...").
 * @example isCaption("Blinken and Lavrov meet in Stockholm. Jonathan Nackstrand / Pool via REUTERS") // true
 */
export function isCaption(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p.length > 600) return false;
  if (CAPTION_START.test(p)) return true;
  if (VIA_CREDIT.test(p) && wordCount(p) <= 20 && !/[.!?]["'\u201d\u2019]?$/.test(p)) return true;
  // The credit is at the end: only the tail needs the (end-anchored) patterns.
  const tail = p.length > 160 ? p.slice(-160) : p;
  for (const re of CAPTION_END) if (re.test(tail)) return true;
  return false;
}

/**
 * True for a kicker: a short label line without sentence punctuation ("OSCE meeting in Stockholm").
 * Callers only treat it as one next to a caption or above the headline.
 * @example isKickerShape("OSCE meeting in Stockholm") // true
 */
export function isKickerShape(paragraph: string): boolean {
  const p = paragraph.trim();
  const n = wordCount(p);
  return n >= 1 && n <= 8 && !/[.!?:;,]["'\u201d\u2019]?$/.test(p) && /^[\p{Lu}\d]/u.test(p);
}
