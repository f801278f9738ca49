import { memo } from 'react';
import type { CycleView, SideName } from '../../../shared/api/analysis-types';
import { SIDE_COLOUR, SIDE_LABEL } from './labels';
import { cycleFlagText } from '../../../shared/analysis-notes';

interface Props {
  cycles: CycleView[];
  fps: number;
  busy: boolean;
  onSeekFrame: (frame: number) => void;
  onExclude: (side: SideName, index: number, excluded: boolean) => void;
}

/** Every detected cycle with an include checkbox: means, SDs and parameters use only included ones. */
export const CycleList = memo(function CycleList({ cycles, fps, busy, onSeekFrame, onExclude }: Props) {
  if (cycles.length === 0) return <p className="empty">No complete gait cycle was found.</p>;
  const sorted = [...cycles].sort((a, b) => a.side.localeCompare(b.side) || a.startFrame - b.startFrame);
  return (
    <table className="table compact cycles">
      <caption className="visually-hidden">Gait cycles</caption>
      <thead>
        <tr>
          <th scope="col">Include</th>
          <th scope="col">Cycle</th>
          <th scope="col">Frames</th>
          <th scope="col">Duration (s)</th>
          <th scope="col">Foot off (% cycle)</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => {
          const name = `${SIDE_LABEL[c.side]} cycle ${c.index + 1}`;
          const footOffPct =
            c.footOffFrame === null
              ? null
              : (100 * (c.footOffFrame - c.startFrame)) / (c.endFrame - c.startFrame);
          const notes = c.flags.map(cycleFlagText);
          if (c.excluded && !c.excludedByUser && notes.length === 0) notes.push('excluded by analysis');
          return (
            <tr key={`${c.side}-${c.index}`} className={c.excluded ? 'excluded' : ''}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Include ${name}`}
                  checked={!c.excluded}
                  disabled={busy || (c.excluded && !c.excludedByUser)}
                  onChange={(e) => onExclude(c.side, c.index, !e.target.checked)}
                />
              </td>
              <td>
                <span className="side-dot" style={{ background: SIDE_COLOUR[c.side] }} aria-hidden="true" />
                {name}
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSeekFrame(Math.round(c.startFrame))}
                >
                  <span className="visually-hidden">Show the start of {name}, frames </span>
                  {c.startFrame.toFixed(0)}–{c.endFrame.toFixed(0)}
                </button>
              </td>
              <td>{((c.endFrame - c.startFrame) / fps).toFixed(3)}</td>
              <td>{footOffPct === null ? '—' : footOffPct.toFixed(1)}</td>
              <td>{notes.join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
