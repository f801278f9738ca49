import { useEffect, useState } from 'react';
import type { RecoveredTrial } from '../../../shared/api/ops/capture';
import { api } from '../api';
import { href } from '../router';
import './capture.css';

/**
 * Asks the services, once per window, to recover recordings a crash or power cut interrupted, and
 * tells the user what was kept.
 */
export function RecoveryNotice() {
  const [recovered, setRecovered] = useState<RecoveredTrial[]>([]);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    let live = true;
    api['capture.recover']({}).then(
      (r) => live && setRecovered(r.recovered),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (dismissed || recovered.length === 0) return null;
  return (
    <div className="banner capture-recovery" role="status" aria-label="Recovered recordings">
      <strong>
        {recovered.length === 1
          ? 'A recording was interrupted'
          : `${recovered.length} recordings were interrupted`}{' '}
        (GaitLab stopped while recording).
      </strong>
      <ul>
        {recovered.map((t) => (
          <li key={t.trialId}>
            <a href={href({ page: 'capture-report', trialId: t.trialId })}>{t.trialName}</a>: {t.message}{' '}
            <a href={href({ page: 'session', id: t.sessionId })}>Open the session</a>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
