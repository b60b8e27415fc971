// "alice is typing…": the composer tells the room at most once per 2 s while the person types
// (SEND /app/chat.typing; the server drops extras anyway), and the open room shows who else does,
// each for 4 s after their last notice or until their message arrives. Never oneself.
import { state } from './state.js';
import { $ } from './views.js';
import { isConnected, publish } from './connection.js';

const SEND_EVERY_MS = 2000;
const SHOWN_FOR_MS = 4000;

let lastSent = { roomId: null, at: 0 };
const typists = new Map(); // username -> timer, in the open room

/** The person typed in the composer. */
export function typed() {
  const room = state.current;
  const now = Date.now();
  if (!room || !room.member || !isConnected() || $('text').value.trim() === ''
      || (lastSent.roomId === room.id && now - lastSent.at < SEND_EVERY_MS)) {
    return;
  }
  lastSent = { roomId: room.id, at: now };
  publish('/app/chat.typing', { roomId: room.id });
}

/** {"type":"typing","user","roomId"} in the open room. */
export function onTyping(event) {
  if (typeof event.user !== 'string' || event.user === state.user) {
    return;
  }
  clearTimeout(typists.get(event.user));
  typists.set(event.user, setTimeout(() => stoppedTyping(event.user), SHOWN_FOR_MS));
  render();
}

/** Their message is here (or they are gone): they are not typing any more. */
export function stoppedTyping(user) {
  if (typists.has(user)) {
    clearTimeout(typists.get(user));
    typists.delete(user);
    render();
  }
}

/** Another room opened: nobody there is known to be typing. */
export function forgetTypists() {
  for (const timer of typists.values()) {
    clearTimeout(timer);
  }
  typists.clear();
  render();
}

/** "alice is typing…", "alice and bob are typing…", "alice, bob and carol are typing…". */
export function typingText(names) {
  if (names.length === 0) {
    return '';
  }
  if (names.length === 1) {
    return names[0] + ' is typing…';
  }
  return names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1] + ' are typing…';
}

function render() {
  $('typing').textContent = typingText([...typists.keys()]);
}
