import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal `<dialog>`: focus moves in and stays there, Escape closes it. */
export function Dialog(props: {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { title, testId, onClose, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
