import type { ReactNode } from "react";

/**
 * A horizontally scrolling region (wide tables on a narrow screen). It takes focus so that keyboard
 * users can scroll it too, which is why a non-interactive element gets a tabIndex here.
 */
export function Scroll({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard.
    <section className={className ?? "scroll"} tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
