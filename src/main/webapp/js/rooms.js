// The room list and the room on screen: opening, joining, leaving, creating, and the live
// subscriptions to every room one is in (so the list's counts and order move for rooms not open),
// which have to follow both the membership and the connection they were made in.
import { state } from './state.js';
import { $, showError } from './views.js';
import { api } from './api.js';
import { connectionCount, isConnected, subscribe } from './connection.js';
import { catchUp, onRoomMessage, showLatest } from './messages.js';
import { badgesOf, countedFromList, countLive, readIfSeen, showDivider, showTotal } from './unread.js';
import { loadMembers, onPresence } from './members.js';
import { forgetTypists, onTyping, stoppedTyping } from './typing.js';

export async function loadRooms() {
  const rooms = await api('GET', 'api/rooms');
  countedFromList(rooms);
  state.rooms = new Map(rooms.map(r => [r.id, r]));
  renderRooms();
  subscribeJoinedRooms();
}

/** The last activity known of a room, in ms: the server's lastActivity, or a message seen live since. */
function activityOf(room) {
  const listed = room.lastActivity ? Date.parse(room.lastActivity) : 0;
  return Math.max(listed || 0, state.activity.get(room.id) || 0);
}

/** A message arrived live in a room: it moves to the top of its list. */
export function noteActivity(roomId, sentAt) {
  if (!sentAt) {
    return;
  }
  const at = Date.parse(sentAt) || Date.now();
  if (at > (state.activity.get(roomId) || 0)) {
    state.activity.set(roomId, at);
    renderRooms();
  }
}

/** Narrows the lists to the rooms and people whose name has the text in it, any case. */
export function filterRooms(text) {
  state.filter = text.trim().toLowerCase();
  renderRooms();
}

export function renderRooms() {
  // the rooms one is in first: with many rooms on a server, those are the ones people come back to;
  // direct messages apart; each list by last activity, the most recent first, rooms without any by
  // name; invites before the other rooms
  const byActivity = (a, b) => activityOf(b) - activityOf(a) || a.name.localeCompare(b.name) || a.id - b.id;
  const rooms = [...state.rooms.values()].filter(r => r.name.toLowerCase().includes(state.filter)).sort(byActivity);
  const dms = rooms.filter(r => r.kind === 'dm');
  const others = rooms.filter(r => r.kind !== 'dm' && !r.member);
  const none = text => (state.filter ? 'No match' : text);
  // the list is drawn again on every message in any of our rooms: keyboard focus stays on its room
  const focused = $('room-list').contains(document.activeElement) ? document.activeElement.dataset.roomId : null;
  $('room-list').replaceChildren(
    roomGroup('rooms-mine', 'Your rooms', rooms.filter(r => r.kind !== 'dm' && r.member), none('None yet: create one or join one below')),
    roomGroup('rooms-dm', 'Direct messages', dms, none('None yet: click a name in a room, or type one above')),
    roomGroup('rooms-other', 'Other rooms', [...others.filter(r => r.invited), ...others.filter(r => !r.invited)], none('None')));
  const current = $('room-list').querySelector('[aria-current]');
  if (current) {
    current.scrollIntoView({ block: 'nearest' });
  }
  if (focused) {
    $('room-list').querySelector('button[data-room-id="' + Number(focused) + '"]')?.focus();
  }
  showTotal();
}

function roomGroup(id, title, rooms, empty) {
  const group = document.createElement('section');
  const heading = document.createElement('h3');
  heading.id = id;
  heading.textContent = title;
  const list = document.createElement('ul');
  list.setAttribute('aria-labelledby', id);
  for (const room of rooms) {
    const li = document.createElement('li');
    li.dataset.roomId = room.id;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = room.name;
    button.dataset.roomId = room.id;
    button.title = room.name; // long names are cut short in the list
    if (state.current && state.current.id === room.id) {
      button.setAttribute('aria-current', 'true');
    }
    button.addEventListener('click', () => {
      showRoomScreen(true);
      inRoom(openRoom(room.id));
    });
    li.append(button);
    const tag = tagOf(room);
    if (tag) {
      const span = document.createElement('span');
      span.className = 'tag';
      span.textContent = tag;
      li.append(span);
    }
    li.append(...badgesOf(room));
    list.append(li);
  }
  if (rooms.length === 0) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = empty;
    list.append(none);
  }
  group.append(heading, list);
  return group;
}

const REFUSALS = {
  BANNED: 'You are banned from this room until an owner or moderator invites you again',
  NOT_INVITED: 'This room is by invitation only',
  NOT_ALLOWED: 'Not allowed: owners and moderators remove and ban members; only the owner removes a moderator or changes roles',
  UNKNOWN_MEMBER: 'Not a member of this room'
};

/**
 * Runs a call about the open room and shows what went wrong next to it, in words. A 403
 * NOT_A_MEMBER or 404 UNKNOWN_ROOM for a room we thought we were in means we were removed.
 */
export function inRoom(promise) {
  const room = state.current;
  return showError($('room-error'), promise.catch(e => {
    if (room && room.member && state.current === room && (e.code === 'NOT_A_MEMBER' || e.code === 'UNKNOWN_ROOM')) {
      return lostMembership(room.id, false);
    }
    throw REFUSALS[e.code] ? new Error(REFUSALS[e.code]) : e;
  }));
}

/** At phone width the list and the room are two screens (style.css); this says which one shows. */
export function showRoomScreen(room) {
  $('chat-view').classList.toggle('room-open', room);
}

/** A word on what sets a room apart in the list: an invite waiting, private, the caller's role beyond member. */
function tagOf(room) {
  if (room.invited) {
    return 'invited';
  }
  const words = [];
  if (room.kind === 'private') {
    words.push('private');
  }
  if (room.role === 'owner' || room.role === 'moderator') {
    words.push(room.role);
  }
  return words.join(', ');
}

function describe(info) {
  if (info.kind === 'dm') {
    return 'direct message';
  }
  return [info.kind, info.role].filter(Boolean).join(' · ');
}

export async function openRoom(id) {
  const info = state.rooms.get(id);
  const room = { id, name: info.name, member: info.member, seen: new Map(), firstSeq: null, lastSeq: 0 };
  // where the "New messages" line goes: the marker as it is before this visit moves it
  const marker = info.member && info.unread > 0 ? info.readSeq || 0 : null;
  state.current = room;
  forgetTypists();
  loadMembers(room).catch(() => {});
  renderRooms();
  $('room-title').textContent = room.name;
  $('room-kind').textContent = describe(info);
  $('message-list').replaceChildren();
  $('known-members').replaceChildren();
  $('room-error').textContent = '';
  showMembership(room);
  if (!room.member) {
    $('load-earlier').hidden = true;
    return;
  }
  await showLatest(room);
  if (isConnected() && state.current === room) {
    subscribeJoinedRooms();
    noteActivity(room.id, await catchUp(room));
  }
  for (const p of state.pending.values()) {
    if (p.roomId === id) {
      $('message-list').append(p.li);
    }
  }
  if (marker !== null && state.current === room) {
    showDivider(marker);
  }
  readIfSeen();
  $('text').focus();
}

/** After a (re)connect: the room on screen is live again, and shows what was said meanwhile. */
export async function resumeRoom() {
  // Membership may have changed while away (left in another tab): subscribing to a room we are no
  // longer in would get an ERROR, the broker would close the socket, and we would loop reconnecting.
  await loadRooms().catch(() => {});
  const room = state.current;
  if (room) {
    const info = state.rooms.get(room.id);
    if (room.member && !(info && info.member)) {
      await lostMembership(room.id, false);
      return;
    }
    room.member = Boolean(info && info.member); // joined in another tab meanwhile
    showMembership(room);
    loadMembers(room).catch(() => {}); // who came and went while we were away
    if (room.member) {
      noteActivity(room.id, await catchUp(room)); // loadRooms subscribed to it
      readIfSeen();
    }
  }
}

/** Another look at the list (every minute, and when the tab comes back into view): invites, removals. */
export async function refreshRooms() {
  await loadRooms();
  const room = state.current;
  const info = room && state.rooms.get(room.id);
  if (room && room.member && !(info && info.member)) {
    await lostMembership(room.id, false);
  } else if (room) {
    showMembership(room);
  }
}

/**
 * We are not in the open room any more (removed or banned: the server ended our subscription
 * without a word, so this is learnt from a room event about us, a refused send or call, or the
 * room list): the page leaves the room and says so.
 */
export async function lostMembership(roomId, removed) {
  const room = state.current;
  if (!room || room.id !== roomId || !room.member) {
    return;
  }
  forgetSubscription(roomId);
  room.member = false;
  const name = room.name;
  await loadRooms().catch(() => {});
  const info = state.rooms.get(roomId);
  if (info && info.member) {
    info.member = false; // the list was read before the server let go of us
  }
  if (info) {
    await openRoom(roomId);
  } else {
    closeRoom(); // a private room one is out of is not even listed any more
  }
  $('room-error').textContent = (removed ? 'You were removed from ' : 'You are no longer a member of ') + name;
}

function closeRoom() {
  state.current = null;
  renderRooms();
  $('room-title').textContent = 'Pick a room';
  $('room-kind').textContent = '';
  $('message-list').replaceChildren();
  $('load-earlier').hidden = true;
  for (const id of ['join', 'leave', 'composer', 'room-menu']) {
    $(id).hidden = true;
  }
  showRoomScreen(false);
}

function showMembership(room) {
  const info = state.rooms.get(room.id) || {};
  if (info.kind) {
    $('room-kind').textContent = describe(info); // a role may have changed since the room was opened
  }
  $('join').hidden = room.member;
  $('leave').hidden = !room.member;
  $('composer').hidden = !room.member;
  // the server decides who may invite, remove, ban and change roles; the menu only offers what it would let
  const moderates = room.member && info.kind !== 'dm' && (info.role === 'owner' || info.role === 'moderator');
  $('room-menu').hidden = !moderates;
  if (!moderates) {
    $('room-menu').open = false;
  }
  for (const button of $('room-menu').querySelectorAll('.owner-only')) {
    button.hidden = info.role !== 'owner';
  }
}

/**
 * One subscription per room we are in, made once per connection (they die with the socket). The
 * page never UNSUBSCRIBEs: leaving, a removal or a ban ends the server's side by itself, and an
 * UNSUBSCRIBE naming a subscription the broker no longer has is answered with an ERROR that closes
 * the connection. SUBSCRIBE to a room we are not in would do the same, so a room we just left or
 * were put out of stays "gone" (not subscribed again) until the list agrees we are out of it.
 */
export function subscribeJoinedRooms() {
  if (!isConnected()) {
    return;
  }
  const now = connectionCount();
  for (const [id, s] of state.subscribed) {
    const info = state.rooms.get(id);
    if (s.in !== now || !(info && info.member)) {
      state.subscribed.delete(id);
    }
  }
  for (const info of state.rooms.values()) {
    if (info.member && !state.subscribed.has(info.id)) {
      const id = info.id;
      state.subscribed.set(id, { in: now, gone: false });
      subscribe('/topic/room.' + id, m => onRoomEvent(id, m));
    }
  }
}

/** The server ended our subscription to the room (we left, or were removed): not to be renewed for now. */
function forgetSubscription(roomId) {
  const s = state.subscribed.get(roomId);
  if (s) {
    s.gone = true;
  }
}

/** Anything on a room's topic, open or not: counts and order for all, the rest for the open one. */
function onRoomEvent(roomId, m) {
  const room = state.current && state.current.id === roomId ? state.current : null;
  if (m.type === 'presence' || m.type === 'typing') {
    if (room) {
      (m.type === 'presence' ? onPresence : onTyping)(m);
    }
    return;
  }
  const counted = countLive(roomId, m);
  if (m.type === 'message') {
    noteActivity(roomId, m.sentAt);
  }
  if (counted) {
    renderRooms();
  }
  if (m.type === 'member' && m.user === state.user) {
    onOwnMembership(roomId, room, m);
  }
  if (!room) {
    return;
  }
  if (m.type === 'message') {
    stoppedTyping(m.sender);
  } else if (m.type === 'member') {
    loadMembers(room).catch(() => {});
  }
  onRoomMessage(room, m).then(readIfSeen);
}

export async function joinRoom() {
  const room = state.current;
  await api('POST', 'api/rooms/' + room.id + '/members');
  state.subscribed.delete(room.id); // in again: the next look at the list subscribes
  await loadRooms(); // the role, and the invite used up
  await openRoom(room.id);
}

export async function leaveRoom() {
  const room = state.current;
  await api('DELETE', 'api/rooms/' + room.id + '/members/me');
  // The server ends our subscription itself when we leave; an UNSUBSCRIBE after that would name one
  // it no longer has (an ERROR, and a dropped connection), so it is only forgotten here.
  forgetSubscription(room.id);
  state.rooms.get(room.id).member = false;
  await openRoom(room.id);
}

export async function createRoom(name, visibility) {
  const room = await api('POST', 'api/rooms', { name, visibility });
  state.rooms.set(room.id, room);
  renderRooms();
  showRoomScreen(true);
  await openRoom(room.id);
}

/** Opens the direct message with a user (the server makes it the first time). */
export async function openDirectMessage(username) {
  if (username === state.user) {
    return;
  }
  const room = await api('POST', 'api/dms', { username });
  state.rooms.set(room.id, room);
  renderRooms();
  showRoomScreen(true);
  await openRoom(room.id);
}

/**
 * A room event about us, live (room is null when it is not the open one): out of it (removed,
 * banned, or left in another tab), the page leaves it; a new role changes the menu.
 */
function onOwnMembership(roomId, room, event) {
  const info = state.rooms.get(roomId);
  const out = event.action === 'removed' || event.action === 'banned' || event.action === 'left';
  if (out) {
    forgetSubscription(roomId);
  }
  if (out && !room) {
    refreshRooms().catch(() => {});
  } else if (out) {
    lostMembership(roomId, event.action !== 'left').catch(() => {});
  } else if (room && event.action === 'role' && info && event.role) {
    info.role = event.role;
    $('room-kind').textContent = describe(info);
    showMembership(room);
    renderRooms();
  }
}

export async function invite(username) {
  const room = state.current;
  await api('POST', 'api/rooms/' + room.id + '/invites', { username });
}

const path = (room, username) => 'api/rooms/' + room.id + '/members/' + encodeURIComponent(username);

/** Removes a member from the open room; a ban keeps them out until they are invited again. */
export async function removeMember(username, ban) {
  await api('DELETE', path(state.current, username) + (ban ? '?ban=true' : ''));
}

/** The owner makes a member a moderator, or a plain member again. */
export async function changeRole(username, role) {
  await api('PUT', path(state.current, username), { role });
}
