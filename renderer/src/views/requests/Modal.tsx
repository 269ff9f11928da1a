import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal `<dialog>`: shown with showModal (focus moves in and stays in, the page
 * behind is inert), Escape asks `onClose` instead of closing it behind React's back.
 */
export function Modal({
  labelledBy,
  onClose,
  className,
  testId,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) {
      el.showModal();
      // showModal focuses the first control: React's autoFocus sets no attribute, and its
      // focus() ran while the dialog was still closed. A control that should start with
      // focus (not the first one) says so with data-autofocus.
      el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      if (el?.open) el.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`rq-modal${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      // React passes cancel and close up the component tree: a dialog opened from the editor
      // dialog must not close the editor too when Escape closes it.
      onCancel={(e) => {
        e.preventDefault();
        e.stopPropagation();
        close.current();
      }}
      // The browser may close a dialog itself (a second Escape in a row): follow it.
      onClose={(e) => {
        e.stopPropagation();
        close.current();
      }}
    >
      {children}
    </dialog>
  );
}
