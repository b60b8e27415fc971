// The entry point: signing in, and the page's buttons and keys wired to the modules. A module script
// runs once the document is parsed, and after the deferred stomp.js before it.
import { $, scrollToBottom, showChat, showError } from './views.js';
import { state } from './state.js';
import { api, forgetSession, logIn, logOut, register, savedSession, whenSessionChangesElsewhere, whenSessionEnds } from './api.js';
import { connect, connectionCount, disconnect, dropConnection, subscribe } from './connection.js';
import { changeRole, createRoom, filterRooms, inRoom, invite, joinRoom, leaveRoom, loadRooms, lostMembership, openDirectMessage,
  openRoom, refreshRooms, removeMember, renderRooms, resumeRoom, showRoomScreen } from './rooms.js';
import { onMention, onRead, readIfSeen } from './unread.js';
import { offerNotifications } from './notices.js';
import { toggleMembers } from './members.js';
import { typed } from './typing.js';
import { loadEarlier } from './messages.js';
import { onPersonalEvent, resendPending, sendMessage } from './send.js';
import { isEditing, saveEdit, startEditingLast, stopEditing } from './edits.js';
import { forgetPlace, rememberedPlace, rememberPlace, scrollBackTo } from './place.js';

const NOTICE = 'chat.notice';

async function signIn(user, password) {
  await logIn(user, password);
  $('password').value = '';
  await start(user);
}

/** The chat screen for a signed-in user (state.token is the session). */
async function start(user) {
  state.user = user;
  showChat(user);
  offerNotifications();
  state.config = await api('GET', 'api/config', undefined, null);
  await loadRooms();
  await reopenRememberedRoom();
  connect(onConnected, checkSession);
  // invites and removals that no room topic of ours tells about show within a minute, or on coming back to the tab
  setInterval(() => refreshRooms().catch(() => {}), 60000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      refreshRooms().catch(() => {});
      readIfSeen();
    }
  });
}

/** After a reload: the room that was open, scrolled back to where the reader was. */
async function reopenRememberedRoom() {
  const place = rememberedPlace();
  if (place) {
    await showError($('room-error'), openRoom(place.roomId));
    scrollBackTo(place.topSeq);
  }
}

/** A refused STOMP connection may be an ended session: the API says (a 401 ends up in sessionEnded). */
function checkSession() {
  api('GET', 'api/users/me').catch(() => {});
}

/** Signed out elsewhere, expired, or the password changed: back to the sign-in screen, saying why. */
function sessionEnded() {
  disconnect();
  forgetSession();
  sessionStorage.setItem(NOTICE, 'Your session has ended. Please sign in again.');
  location.reload();
}

async function signUp(user, password) {
  await register(user, password);
  await signIn(user, password);
}

async function onConnected() {
  subscribe('/topic/user.' + state.user, event => {
    if (event.type === 'room') {
      // the rooms we may see changed (invited, removed, ...): the list says how, and refreshRooms
      // leaves the open room if we are out of it
      refreshRooms().catch(() => {});
      return;
    }
    if (event.type === 'read' || event.type === 'mention') {
      if ((event.type === 'read' ? onRead : onMention)(event)) {
        renderRooms();
      }
      return;
    }
    onPersonalEvent(event);
  });
  subscribe('/topic/rooms.public', () => loadRooms().catch(() => {})); // someone created a public room
  await resumeRoom();
  resendPending();
}

async function signOut() {
  forgetPlace();
  disconnect();
  await logOut();
  location.reload();
}

$('auth-form').addEventListener('submit', e => {
  e.preventDefault();
  showError($('auth-error'), signIn($('username').value, $('password').value)
    .catch(e2 => { throw e2.status === 401 ? new Error('Wrong username or password') : e2; }));
});
$('sign-up').addEventListener('click', () => {
  if ($('auth-form').reportValidity()) {
    showError($('auth-error'), signUp($('username').value, $('password').value)
      .catch(e => { throw e.status === 409 ? new Error('That username is taken') : e; }));
  }
});
$('sign-out').addEventListener('click', signOut);
$('new-room-form').addEventListener('submit', e => {
  e.preventDefault();
  const name = $('new-room').value;
  const visibility = $('new-room-private').checked ? 'private' : 'public';
  $('new-room').value = '';
  $('new-room-private').checked = false;
  showError($('room-error'), createRoom(name, visibility));
});
$('new-dm-form').addEventListener('submit', e => {
  e.preventDefault();
  const name = $('new-dm').value.trim();
  $('new-dm').value = '';
  showError($('room-error'), openDirectMessage(name)
    .catch(e2 => { throw e2.code === 'UNKNOWN_USER' ? new Error('No user is called ' + name) : e2; }));
});
document.addEventListener('chat:open-dm', e => showError($('room-error'), openDirectMessage(e.detail)));
// a notification clicked
document.addEventListener('chat:open-room', e => {
  if (state.rooms.has(e.detail)) {
    showRoomScreen(true);
    inRoom(openRoom(e.detail));
  }
});
document.addEventListener('chat:counts-changed', renderRooms);
// a read marker moved to somewhere short of the newest: only the server can count what is left
let recount = null;
document.addEventListener('chat:counts-stale', () => {
  clearTimeout(recount);
  recount = setTimeout(() => refreshRooms().catch(() => {}), 300);
});
const unknownUser = name => e => { throw e.code === 'UNKNOWN_USER' ? new Error('No user is called ' + name) : e; };
$('invite-form').addEventListener('submit', e => {
  e.preventDefault();
  const name = $('invitee').value.trim();
  $('invitee').value = '';
  inRoom(invite(name)
    .then(() => { $('room-error').textContent = name + ' is invited: they join from their room list'; })
    .catch(unknownUser(name)));
});
// no submit button: Enter in the name field must not remove anyone
$('member-form').addEventListener('submit', e => e.preventDefault());
const DONE = {
  remove: name => name + ' is removed from the room',
  ban: name => name + ' is banned: they cannot join again until invited',
  moderator: name => name + ' is a moderator now',
  member: name => name + ' is a plain member now'
};
for (const button of $('member-form').querySelectorAll('button')) {
  button.addEventListener('click', () => {
    if (!$('member-form').reportValidity()) {
      return;
    }
    const name = $('member-name').value.trim();
    const action = button.value;
    const call = action === 'remove' || action === 'ban' ? removeMember(name, action === 'ban') : changeRole(name, action);
    inRoom(call
      .then(() => { $('member-name').value = ''; $('room-error').textContent = DONE[action](name); })
      .catch(unknownUser(name)));
  });
}
$('room-filter').addEventListener('input', () => filterRooms($('room-filter').value));
$('back').addEventListener('click', () => showRoomScreen(false));
// a refused send or edit in the open room, from send.js or edits.js
document.addEventListener('chat:not-a-member', e => lostMembership(e.detail, false).catch(() => {}));
$('join').addEventListener('click', () => inRoom(joinRoom()));
$('leave').addEventListener('click', () => inRoom(leaveRoom()));
$('load-earlier').addEventListener('click', () => inRoom(loadEarlier()));
$('jump').addEventListener('click', scrollToBottom);
const box = $('messages');
let pinned = true; // the reader is at the newest message
box.addEventListener('scroll', () => {
  pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  if (pinned) {
    $('jump').hidden = true;
    readIfSeen();
  }
});
window.addEventListener('focus', readIfSeen);
$('members-button').addEventListener('click', toggleMembers);
$('text').addEventListener('input', typed);
// A phone's on-screen keyboard or a turned phone shrinks the list: whoever was at the newest
// message stays there instead of ending up somewhere in the middle.
new ResizeObserver(() => {
  if (pinned) {
    box.scrollTop = box.scrollHeight;
  }
}).observe(box);
const sendOrSave = () => (isEditing() ? saveEdit() : sendMessage());
$('composer').addEventListener('submit', e => { e.preventDefault(); sendOrSave(); });
$('text').addEventListener('keydown', e => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendOrSave();
  } else if (e.key === 'ArrowUp' && $('text').value === '' && !isEditing() && startEditingLast()) {
    e.preventDefault();
  } else if (e.key === 'Escape' && isEditing()) {
    stopEditing();
  }
});
whenSessionEnds(sessionEnded);
window.addEventListener('pagehide', rememberPlace);
whenSessionChangesElsewhere(() => {
  if (state.token && (savedSession() || {}).token !== state.token) {
    location.reload(); // another tab signed out, or in as someone else
  }
});
const notice = sessionStorage.getItem(NOTICE);
sessionStorage.removeItem(NOTICE);
$('auth-error').textContent = notice || '';
const saved = savedSession();
if (saved) {
  state.token = saved.token;
  showError($('auth-error'), start(saved.user));
}

// For tests and for trying it out: drop the WebSocket the way a network failure would.
// How many times it has connected tells a test whether something dropped the connection behind its back.
window.chatTest = { dropConnection, connections: connectionCount };
