import { Fragment } from 'react';

export interface Crumb {
  href: string;
  label: string;
}

/** "Patients / Name / Session ..." trail; items not loaded yet (false/null) are skipped. */
export function Breadcrumb({ items }: { items: Array<Crumb | false | null | undefined> }) {
  const shown = items.filter((c): c is Crumb => Boolean(c));
  return (
    <p className="breadcrumb">
      {shown.map((c, i) => (
        <Fragment key={c.href}>
          {i > 0 && ' / '}
          <a href={c.href}>{c.label}</a>
        </Fragment>
      ))}
    </p>
  );
}
