// Consecutive messages of one sender within a few minutes read as one block: the name shows on the
// first only. The following ones get the class "continued" (the name is hidden from sight but not
// from screen readers, which read each message on its own).

export const GROUP_WITHIN_MS = 5 * 60 * 1000;

/** Whether a message (sender, sentAt in ms) continues the one before it. */
export function continues(previous, next) {
  return Boolean(previous && next && previous.sender === next.sender
    && Number.isFinite(previous.sentAt) && Number.isFinite(next.sentAt)
    && next.sentAt >= previous.sentAt && next.sentAt - previous.sentAt <= GROUP_WITHIN_MS);
}

const about = li => li && li.classList.contains('message') && li.dataset.sentAt
  ? { sender: li.dataset.sender, sentAt: Number(li.dataset.sentAt) }
  : null;

/** After a message is put in the list (anywhere: history comes in before it): it and the one after it. */
export function regroupAround(li) {
  for (const item of [li, li.nextElementSibling]) {
    if (item) {
      item.classList.toggle('continued', continues(about(item.previousElementSibling), about(item)));
    }
  }
}
