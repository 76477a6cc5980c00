import { useEffect, useRef, useState } from 'react';

/**
 * The host's way out of a table before the start: closing it ends it for everyone seated, so it
 * asks first. Escape or "Keep it open" puts the focus back on the button that asked.
 */
export function CloseTable({
  others,
  busy,
  onClose,
}: {
  /** People other than the host seated now: the question says they are sent back. */
  others: number;
  busy: boolean;
  onClose: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (asking || !refocus) return;
    opener.current?.focus();
    setRefocus(false);
  }, [asking, refocus]);
  const keepOpen = () => {
    setAsking(false);
    setRefocus(true);
  };

  if (asking) {
    return (
      <div
        className="leave-confirm"
        role="group"
        aria-label="Close the table"
        data-testid="close-table-confirm"
        onKeyDown={(event) => {
          if (event.key === 'Escape') keepOpen();
        }}
      >
        <span>
          Close the table?{' '}
          {others > 0
            ? `${others === 1 ? 'The player' : `The ${others} players`} seated here ${others === 1 ? 'is' : 'are'} sent back, and the`
            : 'The'}{' '}
          room code stops working.
        </span>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={onClose}
          data-testid="confirm-close-table"
        >
          Close the table
        </button>
        <button type="button" onClick={keepOpen} autoFocus>
          Keep it open
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      ref={opener}
      disabled={busy}
      onClick={() => setAsking(true)}
      data-testid="close-table"
    >
      Close the table
    </button>
  );
}
