/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Box, Text, useInput, useStdout } from "ink";
import { useEffect, useState } from "react";
import type { TuiClient } from "../client.ts";
import { errorMessage } from "../hooks/resources.ts";
import { App } from "./App.tsx";

/** What the start-up reports while the store opens and the given paths are ingested. */
export interface BootProgress {
  phase: "opening" | "reading" | "ingesting";
  done?: number;
  total?: number;
  failed?: number;
  detail?: string;
}

export type Boot = (report: (p: BootProgress) => void) => Promise<{ client: TuiClient; where: string }>;

export interface RootProps {
  boot: Boot;
  noColor: boolean;
  onQuit: () => void;
  onFatal: (message: string) => void;
  copy: (text: string) => void;
  openUrl: (url: string) => void;
}

function useSize(): { width: number; height: number } {
  const { stdout } = useStdout();
  const read = () => ({ width: stdout.columns || 80, height: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  });
  return size;
}

function bar(done: number, total: number, width: number): string {
  const n = total ? Math.round((done / total) * width) : 0;
  return `[${"#".repeat(n)}${".".repeat(width - n)}]`;
}

function BootScreen(props: { progress: BootProgress; onQuit: () => void }) {
  useInput((input, key) => {
    if ((key.ctrl && input === "c") || input === "Q") props.onQuit();
  });
  const p = props.progress;
  const label =
    p.phase === "opening"
      ? `opening the store${p.detail ? ` ${p.detail}` : ""}…`
      : p.phase === "reading"
        ? `reading ${p.detail ?? "the given paths"}…`
        : `ingesting ${p.done ?? 0}/${p.total ?? 0}${p.failed ? ` (${p.failed} failed)` : ""}`;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>newsfuse</Text>
      <Text>{label}</Text>
      {p.phase === "ingesting" ? <Text>{bar(p.done ?? 0, p.total ?? 0, 40)}</Text> : null}
      <Text dimColor>Ctrl-C quits</Text>
    </Box>
  );
}

/** Shows start-up progress at once (the first frame comes before the store is open), then the app. */
export function Root(props: RootProps) {
  const size = useSize();
  const [progress, setProgress] = useState<BootProgress>({ phase: "opening" });
  const [client, setClient] = useState<TuiClient | null>(null);
  const { boot, onFatal } = props;
  useEffect(() => {
    boot(setProgress).then(
      (r) => setClient(r.client),
      (e) => onFatal(errorMessage(e)),
    );
  }, [boot, onFatal]);
  if (!client) return <BootScreen progress={progress} onQuit={props.onQuit} />;
  return (
    <App
      client={client}
      width={size.width}
      height={size.height}
      noColor={props.noColor}
      onQuit={props.onQuit}
      copy={props.copy}
      openUrl={props.openUrl}
    />
  );
}
