// Sending: a message shows at once as pending and goes out with a clientMsgId, so a resend after a
// reconnect is stored once; the ack or error on the personal topic settles it.
import { state } from './state.js';
import { $, scrollToBottom } from './views.js';
import { isConnected, publish as publishFrame } from './connection.js';
import { messageItem, showMessage } from './messages.js';
import { onChangeAnswer } from './edits.js';

const ERRORS = {
  TEXT_TOO_LONG: 'Text too long',
  TEXT_EMPTY: 'Message is empty',
  TEXT_INVALID: 'Message has characters that cannot be sent',
  NOT_A_MEMBER: 'You are not a member of this room',
  UNKNOWN_ROOM: 'This room does not exist any more',
  INVALID_JSON: 'The server could not read this message',
  RATE_LIMITED: 'Sending too fast, retrying…'
};

export function sendMessage() {
  const room = state.current;
  const text = $('text').value;
  if (!room || !room.member || text.trim() === '') {
    return;
  }
  const clientMsgId = uuid();
  const li = messageItem(state.user, text, true);
  li.classList.add('pending');
  li.querySelector('.status').textContent = 'sending…';
  $('message-list').append(li);
  scrollToBottom();
  state.pending.set(clientMsgId, { roomId: room.id, text, li, sent: false });
  $('text').value = '';
  publish(clientMsgId);
}

function publish(clientMsgId) {
  const p = state.pending.get(clientMsgId);
  if (!p || !isConnected()) {
    return; // it goes out with the same clientMsgId once connected again
  }
  publishFrame('/app/chat.send', { roomId: p.roomId, text: p.text, clientMsgId });
  p.sent = true;
}

/** After a reconnect: what may not have reached the server goes again, same clientMsgId: stored once. */
export function resendPending() {
  for (const [clientMsgId, p] of state.pending) {
    if (!p.li.classList.contains('failed')) {
      publish(clientMsgId);
    }
  }
}

/** An ack or error from /topic/user.{me}, about something this tab sent. */
export function onPersonalEvent(event) {
  if (onChangeAnswer(event)) {
    return;
  }
  const p = event.clientMsgId && state.pending.get(event.clientMsgId);
  if (event.type === 'ack') {
    if (p) {
      // the room's broadcast normally arrives first; when it did not (another room on screen), confirm here
      const room = state.current;
      if (room && room.id === event.roomId) {
        showMessage(room, { id: event.id, roomId: event.roomId, seq: event.seq, sender: state.user, text: p.text,
          sentAt: event.sentAt, clientMsgId: event.clientMsgId });
      } else {
        state.pending.delete(event.clientMsgId);
      }
    }
    return;
  }
  if (event.type === 'error' && p) {
    if (event.code === 'RATE_LIMITED') {
      p.li.querySelector('.status').textContent = ERRORS.RATE_LIMITED;
      setTimeout(() => publish(event.clientMsgId), event.retryAfterMs || 1000);
      return;
    }
    p.li.classList.remove('pending');
    p.li.classList.add('failed');
    p.li.querySelector('.status').textContent = ERRORS[event.code] || event.message;
    state.pending.delete(event.clientMsgId);
    if (event.code === 'NOT_A_MEMBER' || event.code === 'UNKNOWN_ROOM') {
      // removed or banned from the room (a private one answers as if it did not exist): the server
      // ended our subscription, perhaps without a word
      document.dispatchEvent(new CustomEvent('chat:not-a-member', { detail: p.roomId }));
    }
  }
}

function uuid() {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain http under any host name
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
