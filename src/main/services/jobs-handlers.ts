import type { HandlersFor } from '../../shared/api/op';
import type { jobsOperations } from '../../shared/api/ops/jobs';
import type { LabContext } from './lab-context';

export function jobsHandlers(ctx: LabContext): HandlersFor<typeof jobsOperations> {
  return {
    'jobs.list': () => ctx.jobs.list(),
    'jobs.cancel': ({ jobId }) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  };
}
