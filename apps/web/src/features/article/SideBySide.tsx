import { diffWords } from "diff";
import { Scroll } from "../../components/Scroll.tsx";

/**
 * Two bodies side by side, word by word: on the left what only this article has, on the right what
 * only its nearest copy has. Text is rendered as text.
 */
export function SideBySide({
  left,
  right,
  leftLabel,
  rightLabel,
}: {
  left: string;
  right: string;
  leftLabel: string;
  rightLabel: string;
}) {
  const parts = diffWords(left, right);
  const changed = parts.filter((p) => p.added || p.removed).length;
  return (
    <>
      <p className="small muted">
        {changed === 0 ? "The two texts are identical word for word." : `${changed} passages differ.`}
      </p>
      <div className="diff">
        <div>
          <h3>{leftLabel}</h3>
          <Scroll className="pane" label={`Text of ${leftLabel}`}>
            {parts.map((p, i) =>
              p.added ? null : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>,
            )}
          </Scroll>
        </div>
        <div>
          <h3>{rightLabel}</h3>
          <Scroll className="pane" label={`Text of ${rightLabel}`}>
            {parts.map((p, i) =>
              p.removed ? null : p.added ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>,
            )}
          </Scroll>
        </div>
      </div>
    </>
  );
}
