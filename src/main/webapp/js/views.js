// DOM helpers and the two screens. Every string that comes from a user goes in with textContent,
// never as HTML.

export const $ = id => document.getElementById(id);

export function showChat(user) {
  $('sign-in-view').hidden = true;
  $('chat-view').hidden = false;
  $('sign-out').hidden = false;
  $('me').textContent = user;
}

export function setConnection(kind, text) {
  const badge = $('connection');
  badge.className = 'connection ' + kind;
  badge.textContent = text;
}

export function scrollToBottom() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
  $('jump').hidden = true;
}

/** Whatever goes wrong behind a click ends up as text next to it, not in the console. */
export function showError(target, promise) {
  target.textContent = '';
  return promise.catch(e => { target.textContent = e.message; });
}
