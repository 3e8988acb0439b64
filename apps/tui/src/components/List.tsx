/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text } from "ink";
import { memo } from "react";
import type { Line, Segment, Style } from "../screens/lines.ts";

type TextStyle = {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  italic?: boolean;
  inverse?: boolean;
};

const COLOUR: Record<Style, TextStyle> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  heading: { bold: true, color: "cyan" },
  accent: { color: "yellow" },
  quote: { color: "green" },
  speaker: { color: "magenta" },
  entity: { color: "blue", bold: true },
  removed: { dimColor: true, italic: true },
  warn: { color: "red" },
  good: { color: "green", bold: true },
  key: { color: "yellow", bold: true },
  focus: { color: "black", bold: true, inverse: true },
};

/** Without colour every style still differs from plain text by an attribute, so nothing is lost. */
const MONO: Record<Style, TextStyle> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  heading: { bold: true, underline: true },
  accent: {},
  quote: { italic: true },
  speaker: { dimColor: true },
  entity: { underline: true },
  removed: { dimColor: true, italic: true },
  warn: { bold: true },
  good: { bold: true },
  key: { bold: true },
  focus: { inverse: true },
};

export function styleOf(style: Style | undefined, noColor: boolean): TextStyle {
  return (noColor ? MONO : COLOUR)[style ?? "plain"];
}

export const Segments = memo(function Segments(props: { segments: Segment[]; noColor: boolean }) {
  return (
    <>
      {props.segments.map((s, i) => (
        <Text key={i} {...styleOf(s.style, props.noColor)}>
          {s.text}
        </Text>
      ))}
    </>
  );
});

const Row = memo(function Row(props: { line: Line; selected: boolean; noColor: boolean }) {
  // The marker keeps the selection visible even where the terminal shows no colour or inverse.
  return (
    <Text wrap="truncate-end" inverse={props.selected}>
      <Text bold>{props.selected ? "›" : " "}</Text>
      <Segments segments={props.line.segments} noColor={props.noColor} />
      {props.selected ? " " : ""}
    </Text>
  );
});

/**
 * A virtualized list: only the lines in [offset, offset + height) become elements, so a list of
 * thousands costs what one screen costs.
 */
export function List(props: { lines: Line[]; cursor: number; offset: number; height: number; noColor: boolean }) {
  const visible = props.lines.slice(props.offset, props.offset + props.height);
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden">
      {visible.map((line, i) => (
        <Row key={props.offset + i} line={line} selected={props.offset + i === props.cursor} noColor={props.noColor} />
      ))}
    </Box>
  );
}
