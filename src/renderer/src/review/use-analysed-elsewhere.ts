// A trial another GaitLab process analyses (a gaitlab command, the app on the same lab): no event of
// that process reaches this window, so a page showing the trial looks again every few seconds.
import { useEffect, useState } from 'react';

/** What a page says of such a trial. */
export const ANALYSED_ELSEWHERE =
  'Being analysed in another GaitLab window or by a gaitlab command on this lab…';

/** While `active`, calls `poll` every 3 s; when it stops being active, calls `ended` once. */
export function usePollWhileAnalysedElsewhere(active: boolean, poll: () => void, ended?: () => void): void {
  const [was, setWas] = useState(false);
  useEffect(() => {
    if (active) {
      setWas(true);
      const timer = setInterval(poll, 3000);
      return () => clearInterval(timer);
    }
    if (was) {
      setWas(false);
      ended?.();
    }
    return undefined;
  }, [active, was, poll, ended]);
}
