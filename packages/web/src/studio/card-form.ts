import type { ReactNode } from 'react';

/** How the card form draws one field: its label, its control, the validator's messages. */
export type FieldOf = (
  name: string,
  label: string,
  control: ReactNode,
  below?: boolean,
) => ReactNode;
/** A control's id and aria attributes for a field of the card (invalid, described by its errors). */
export type AriaOf = (name: string, below?: boolean) => Record<string, unknown>;
/** The validator's messages at a field of the card (with `below`, at the fields under it too). */
export type ErrorsOf = (name: string, below?: boolean) => ReactNode;
