// Where the reader was, kept across a reload: the open room, and the message at the top of the view
// unless they were reading the newest. sessionStorage, per user: a reload or a restored tab comes
// back to it, another tab keeps its own, and signing in as someone else does not open their room.
import { state } from './state.js';
import { $ } from './views.js';

const key = () => 'chat.place.' + state.user;

/** Called as the page goes away (a reload, say). */
export function rememberPlace() {
  if (!state.user || !state.token) {
    return;
  }
  const room = state.current;
  if (!room) {
    sessionStorage.removeItem(key());
    return;
  }
  sessionStorage.setItem(key(), JSON.stringify({ roomId: room.id, topSeq: topSeqInView() }));
}

/** The room to open again, if it is still in the caller's list: {roomId, topSeq}, or null. */
export function rememberedPlace() {
  try {
    const place = JSON.parse(sessionStorage.getItem(key()));
    return place && state.rooms.has(place.roomId) ? place : null;
  } catch (unreadable) {
    return null;
  }
}

export function forgetPlace() {
  sessionStorage.removeItem(key());
}

/** Brings the remembered message back to the top of the view, if it is on the page (else the newest stay in view). */
export function scrollBackTo(topSeq) {
  const li = topSeq && $('message-list').querySelector('li[data-seq="' + Number(topSeq) + '"]');
  if (li) {
    const box = $('messages');
    box.scrollTop += li.getBoundingClientRect().top - box.getBoundingClientRect().top;
  }
}

/** The first message visible at the top, or null when the reader is at the newest (then the newest is where to come back). */
function topSeqInView() {
  const box = $('messages');
  if (box.scrollHeight - box.scrollTop - box.clientHeight < 60) {
    return null;
  }
  const top = box.getBoundingClientRect().top;
  for (const li of $('message-list').children) {
    if (li.dataset.seq && li.getBoundingClientRect().bottom > top) {
      return Number(li.dataset.seq);
    }
  }
  return null;
}
