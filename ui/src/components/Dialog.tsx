import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useId, useRef } from 'preact/hooks';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

let openCount = 0;
/** Open dialogs, topmost last: Esc pressed outside every dialog (focus lost to the page) closes the topmost. */
const stack: HTMLElement[] = [];
function setBackgroundInert(on: boolean) {
  const app = document.getElementById('app');
  if (!app) return;
  if (on) {
    app.setAttribute('inert', '');
    app.setAttribute('aria-hidden', 'true');
  } else {
    app.removeAttribute('inert');
    app.removeAttribute('aria-hidden');
  }
}

export interface DialogProps {
  title: string;
  /** Visible sub-heading under the title (also the dialog's description). */
  subtitle?: ComponentChildren;
  onClose: () => void;
  children: ComponentChildren;
  /** "modal": centred box; "drawer": panel on the right (the evidence viewer). */
  variant?: 'modal' | 'drawer';
  size?: 'small' | 'medium' | 'large';
  testId?: string;
  /** Extra buttons in the header, before Close. */
  headerActions?: ComponentChildren;
  /** Focus this element first (a selector inside the dialog); else the first field, else the dialog. */
  initialFocus?: string;
}

/**
 * A labelled modal dialog: focus moves in and is trapped, Esc and the backdrop close it, the page behind is inert,
 * and focus returns to whatever opened it.
 */
export function Dialog({ title, subtitle, onClose, children, variant = 'modal', size = 'medium', testId, headerActions, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    openCount++;
    setBackgroundInert(true);
    const el = ref.current;
    if (el) stack.push(el);
    const onDocKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || stack[stack.length - 1] !== el) return;
      if (e.target instanceof Node && el?.contains(e.target)) return; // handled by the dialog itself
      e.preventDefault();
      closeRef.current();
    };
    document.addEventListener('keydown', onDocKey);
    if (el) {
      const usable = (sel: string) => Array.from(el.querySelectorAll<HTMLElement>(sel)).find((n) => !(n as HTMLButtonElement).disabled);
      const target =
        (initialFocus && usable(initialFocus)) ||
        usable('[data-autofocus]') ||
        usable('.dialog-body input:not([type="hidden"]), .dialog-body select, .dialog-body textarea') ||
        el;
      target.focus({ preventScroll: false });
    }
    return () => {
      document.removeEventListener('keydown', onDocKey);
      const i = el ? stack.lastIndexOf(el) : -1;
      if (i >= 0) stack.splice(i, 1);
      openCount--;
      if (openCount <= 0) {
        openCount = 0;
        setBackgroundInert(false);
      }
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((n) => n.offsetParent !== null || n === document.activeElement);
    if (items.length === 0) {
      e.preventDefault();
      ref.current.focus();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div class={`dialog-layer dialog-layer--${variant}`}>
      <div class="dialog-backdrop" onClick={() => closeRef.current()} />
      <div
        ref={ref}
        class={`dialog dialog--${variant} dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={subtitle ? descId : undefined}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <div class="dialog-header">
          <div class="dialog-titles">
            <h2 id={titleId} class="dialog-title">{title}</h2>
            {subtitle && <p id={descId} class="dialog-subtitle">{subtitle}</p>}
          </div>
          <div class="dialog-header-actions">
            {headerActions}
            <button type="button" class="btn btn-ghost btn-icon" aria-label="Close" title="Close (Esc)" onClick={() => closeRef.current()}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </div>
        <div class="dialog-body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

/** A yes/no question in a dialog. */
export function ConfirmDialog(props: { title: string; message: ComponentChildren; confirmLabel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog title={props.title} onClose={props.onCancel} size="small" initialFocus="[data-cancel]">
      <p>{props.message}</p>
      <div class="form-actions">
        <button type="button" class={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`} onClick={props.onConfirm}>{props.confirmLabel}</button>
        <button type="button" class="btn" data-cancel onClick={props.onCancel}>Cancel</button>
      </div>
    </Dialog>
  );
}
