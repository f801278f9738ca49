import type { ReactNode } from 'react';

/** A warning the clinician should read before trusting the numbers (not an error: work goes on). */
export function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="banner banner-warning" role="status">
      <strong>{title}</strong> {children}
    </div>
  );
}
