import { useState } from 'react';
import { decimalOf } from '../../../shared/decimal-text';
import { Field } from './Field';

/**
 * A labelled text box for a decimal number (belt speed, a distance, a cutoff): the numeric keypad on
 * touch screens, a decimal comma or point (shared/decimal-text.ts), its message once the user has
 * left it.
 */
export function DecimalField({
  id,
  label,
  error,
  hint,
  value,
  onChange,
  onBlur,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  value: string;
  onChange: (text: string) => void;
  onBlur: () => void;
}) {
  return (
    <Field id={id} label={label} error={error} {...(hint !== undefined ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}

/**
 * The state of a decimal entry: its text, its message (shown once the user has left the box or
 * tried to submit), and `submit`, which passes the number on only when the text is valid.
 */
export function useDecimalEntry(initial: string, errorOf: (text: string) => string | undefined) {
  const [text, setText] = useState(initial);
  const [touched, setTouched] = useState(false);
  const error = errorOf(text);
  return {
    fieldProps: {
      value: text,
      onChange: setText,
      onBlur: () => setTouched(true),
      error: touched ? error : undefined,
    },
    submit(use: (value: number) => void): void {
      setTouched(true);
      if (!error) use(decimalOf(text));
    },
  };
}
