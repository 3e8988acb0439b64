export { App, type AppProps } from "./components/App.tsx";
export type { TuiClient } from "./client.ts";
export { KEYMAP, commandFor, keyName } from "./keys/keymap.ts";
export { initialState, reduce } from "./state/nav.ts";
export { runTui, type RunOptions } from "./run.ts";
export type { Boot, BootProgress } from "./components/Root.tsx";
export { refusal } from "./terminal.ts";
