// An analysis note with the frames it names as buttons that show them: the notes end with "look at
// the video there", and the frames were only text to find by stepping through the video.
import { Fragment } from 'react';
import { framePieces } from '../../../shared/frame-mentions';

interface Props {
  note: string;
  onSeekFrame: (frame: number) => void;
}

export function NoteText({ note, onSeekFrame }: Props): React.JSX.Element {
  return (
    <>
      {framePieces(note).map((p, i) =>
        typeof p === 'string' ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <button
            key={i}
            type="button"
            className="link-button"
            title={`Show frame ${p.frame}`}
            onClick={() => onSeekFrame(p.frame)}
          >
            {p.text}
          </button>
        ),
      )}
    </>
  );
}
