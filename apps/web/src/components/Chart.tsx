import { type ReactNode, useEffect, useRef, useState } from "react";

type PlotModule = typeof import("@observablehq/plot");

let plot: Promise<PlotModule> | null = null;
/** Observable Plot is fetched with the first chart a page shows, never with the app's entry. */
export function loadPlot(): Promise<PlotModule> {
  plot ??= import("@observablehq/plot");
  return plot;
}

/**
 * A Plot figure. `make` builds it from the module; `label` names it for assistive technology, and
 * `children` carry the same figures as text (a table or list), which is what screen readers read.
 */
export function Chart({
  make,
  label,
  children,
  className,
}: {
  make: (Plot: PlotModule) => SVGSVGElement | HTMLElement;
  label: string;
  children?: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    let el: Element | null = null;
    loadPlot()
      .then((Plot) => {
        if (gone || !ref.current) return;
        el = make(Plot);
        // Plot puts a <style> element in each figure; the dashboard's CSP allows only its stylesheet,
        // which carries the same rules (.plot in styles.css), so the element is dropped before insertion.
        for (const style of el.querySelectorAll("style")) style.remove();
        el.setAttribute("aria-hidden", "true");
        ref.current.replaceChildren(el);
      })
      .catch(() => setFailed(true));
    return () => {
      gone = true;
      el?.remove();
    };
  }, [make]);
  return (
    <figure className={`chart ${className ?? ""}`} aria-label={label}>
      <div ref={ref} className="plot" />
      {failed && <p className="muted">The chart could not be drawn.</p>}
      {children}
    </figure>
  );
}
