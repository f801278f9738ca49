import { z } from 'zod';
import type { JobProgressEvent } from '../events';
import { op } from '../op';
import { emptySchema } from '../schemas';

export const jobsOperations = {
  'jobs.list': op<JobProgressEvent[]>()(emptySchema),
  'jobs.cancel': op<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().uuid('Not a valid job id.') }).strict(),
  ),
} as const;
