// Modal dialogs on the native <dialog> element: it keeps focus inside, closes on Escape, and
// gives focus back to the button that opened it.

import { h, icon, showFormError } from '../dom.js';

/**
 * Opens a dialog. `onConfirm()` may throw an error with a message to show; the dialog stays open
 * until it succeeds or the person cancels. Resolves true when confirmed, false when cancelled.
 */
export function openDialog({ title, body = [], confirmLabel, busyLabel, danger = false, onConfirm }) {
  const opener = document.activeElement;
  const titleId = `dialog-title-${Date.now()}`;
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const confirm = h('button', { type: 'submit', class: `button ${danger ? 'danger' : 'primary'}` }, confirmLabel);
  const cancel = h('button', { type: 'button', class: 'button ghost' }, 'Cancel');
  const form = h(
    'form',
    { class: 'dialog-form', novalidate: true },
    h('div', { class: 'dialog-head' }, danger ? h('span', { class: 'dialog-icon danger' }, icon('alert')) : null, h('h2', { id: titleId }, title)),
    h('div', { class: 'dialog-body' }, body),
    error,
    h('div', { class: 'dialog-actions' }, cancel, confirm),
  );
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId }, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let confirmed = false;
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(confirmed);
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      showFormError(error, null);
      confirm.disabled = true;
      cancel.disabled = true;
      const label = [...confirm.childNodes];
      confirm.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), busyLabel ?? confirmLabel);
      try {
        await onConfirm();
        confirmed = true;
        dialog.close();
      } catch (failure) {
        if (failure.sessionEnded) return dialog.close();
        confirm.replaceChildren(...label);
        confirm.disabled = false;
        cancel.disabled = false;
        showFormError(error, failure.message, form.querySelector('input'));
      }
    });
    dialog.showModal();
    const first = form.querySelector('input') ?? (danger ? cancel : confirm);
    first.focus();
  });
}
