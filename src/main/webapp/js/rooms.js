// The room list and the room on screen: opening, joining, leaving, creating, and the room's live
// subscription, which has to follow both the membership and the connection it was made in.
import { state } from './state.js';
import { $, showError } from './views.js';
import { api } from './api.js';
import { connectionCount, isConnected, subscribe } from './connection.js';
import { catchUp, onRoomMessage, showLatest } from './messages.js';

export async function loadRooms() {
  const rooms = await api('GET', 'api/rooms');
  state.rooms = new Map(rooms.map(r => [r.id, r]));
  renderRooms();
}

function renderRooms() {
  // the rooms one is in first: with many rooms on a server, those are the ones people come back to;
  // direct messages apart, by the other person's name; invites before the other rooms
  const byName = (a, b) => a.name.localeCompare(b.name) || a.id - b.id;
  const rooms = [...state.rooms.values()].sort(byName);
  const dms = rooms.filter(r => r.kind === 'dm');
  const others = rooms.filter(r => r.kind !== 'dm' && !r.member);
  $('room-list').replaceChildren(
    roomGroup('rooms-mine', 'Your rooms', rooms.filter(r => r.kind !== 'dm' && r.member), 'None yet: create one or join one below'),
    roomGroup('rooms-dm', 'Direct messages', dms, 'None yet: click a name in a room, or type one above'),
    roomGroup('rooms-other', 'Other rooms', [...others.filter(r => r.invited), ...others.filter(r => !r.invited)], 'None'));
  const current = $('room-list').querySelector('[aria-current]');
  if (current) {
    current.scrollIntoView({ block: 'nearest' });
  }
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
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = room.name;
    button.dataset.roomId = room.id;
    button.title = room.name; // long names are cut short in the list
    if (state.current && state.current.id === room.id) {
      button.setAttribute('aria-current', 'true');
    }
    button.addEventListener('click', () => showError($('room-error'), openRoom(room.id)));
    li.append(button);
    const tag = tagOf(room);
    if (tag) {
      const span = document.createElement('span');
      span.className = 'tag';
      span.textContent = tag;
      li.append(span);
    }
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
  const previous = state.current;
  if (previous) {
    unsubscribeRoom(previous);
  }
  const info = state.rooms.get(id);
  const room = { id, name: info.name, member: info.member, seen: new Map(), firstSeq: null, lastSeq: 0 };
  state.current = room;
  renderRooms();
  $('room-title').textContent = room.name;
  $('room-kind').textContent = describe(info);
  $('message-list').replaceChildren();
  $('room-error').textContent = '';
  showMembership(room);
  if (!room.member) {
    $('load-earlier').hidden = true;
    return;
  }
  await showLatest(room);
  if (isConnected() && state.current === room) {
    subscribeRoom(room);
    await catchUp(room);
  }
  for (const p of state.pending.values()) {
    if (p.roomId === id) {
      $('message-list').append(p.li);
    }
  }
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
    room.member = Boolean(info && info.member);
    showMembership(room);
    if (room.member) {
      subscribeRoom(room);
      await catchUp(room);
    }
  }
}

function showMembership(room) {
  const info = state.rooms.get(room.id) || {};
  $('join').hidden = room.member;
  $('leave').hidden = !room.member;
  $('composer').hidden = !room.member;
  // the server decides who may invite; the form is only offered to those it would let
  $('invite-form').hidden = !(room.member && info.kind !== 'dm' && (info.role === 'owner' || info.role === 'moderator'));
}

function subscribeRoom(room) {
  if (room.subscribedIn === connectionCount()) {
    return; // opening a room and (re)connecting can race; one subscription is enough
  }
  room.subscribedIn = connectionCount();
  room.subscription = subscribe('/topic/room.' + room.id, m => {
    if (state.current === room) {
      onRoomMessage(room, m);
    }
  });
}

function unsubscribeRoom(room) {
  // An UNSUBSCRIBE for a subscription the broker no longer knows (it died with an earlier socket)
  // is answered with an ERROR that closes the connection, so only a live one is ended.
  if (room.subscription && room.subscribedIn === connectionCount() && isConnected()) {
    room.subscription.unsubscribe();
  }
  room.subscription = null;
  room.subscribedIn = null;
}

export async function joinRoom() {
  const room = state.current;
  await api('POST', 'api/rooms/' + room.id + '/members');
  await loadRooms(); // the role, and the invite used up
  await openRoom(room.id);
}

export async function leaveRoom() {
  const room = state.current;
  await api('DELETE', 'api/rooms/' + room.id + '/members/me');
  // The server ends our subscription itself when we leave; an UNSUBSCRIBE after that would name one
  // it no longer has (an ERROR, and a dropped connection), so it is only forgotten here.
  room.subscription = null;
  room.subscribedIn = null;
  state.rooms.get(room.id).member = false;
  await openRoom(room.id);
}

export async function createRoom(name, visibility) {
  const room = await api('POST', 'api/rooms', { name, visibility });
  state.rooms.set(room.id, room);
  renderRooms();
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
  await openRoom(room.id);
}

export async function invite(username) {
  const room = state.current;
  await api('POST', 'api/rooms/' + room.id + '/invites', { username });
}
