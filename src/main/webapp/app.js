'use strict';
// The chat's web client. Every string that comes from a user is put in the page with textContent,
// never as HTML. URLs are relative to the page, so it works under any host name.

const $ = id => document.getElementById(id);
const PAGE = 50;

const ERRORS = {
  TEXT_TOO_LONG: 'Text too long',
  TEXT_EMPTY: 'Message is empty',
  TEXT_INVALID: 'Message has characters that cannot be sent',
  NOT_A_MEMBER: 'You are not a member of this room',
  UNKNOWN_ROOM: 'This room does not exist any more',
  INVALID_JSON: 'The server could not read this message',
  RATE_LIMITED: 'Sending too fast, retrying…'
};

const state = {
  user: null,
  password: null,
  config: null,
  client: null,
  reconnectDelay: 1000,
  connections: 0,       // counts CONNECTEDs: a subscription made before the last one died with its socket
  rooms: new Map(),     // id -> {id, name, member}
  current: null,        // the room on screen: {id, name, member, seen: Map(id -> li), firstSeq, lastSeq, subscription, subscribedIn}
  pending: new Map()    // clientMsgId -> {roomId, text, li, sent}
};

// ---- HTTP ----

async function api(method, path, body, credentials = [state.user, state.password]) {
  const headers = { 'Accept': 'application/json' };
  if (credentials[0]) {
    headers['Authorization'] = 'Basic ' + btoa(unescape(encodeURIComponent(credentials[0] + ':' + credentials[1])));
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  // credentials 'omit': a 401 (wrong password) then comes back to us instead of making the browser
  // pop up its own login dialog, and the browser never remembers the login behind our back.
  const response = await fetch(path, {
    method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    // the container's own error pages (a 401, a proxy's 502) are HTML: the status says enough
  }
  if (!response.ok) {
    const error = new Error((json && json.message) || response.statusText);
    error.status = response.status;
    error.code = json && json.code;
    throw error;
  }
  return json;
}

// ---- signing in ----

async function signIn(user, password) {
  await api('GET', 'api/users/me', undefined, [user, password]);
  state.user = user;
  state.password = password;
  sessionStorage.setItem('chat.login', JSON.stringify([user, password]));
  $('sign-in-view').hidden = true;
  $('chat-view').hidden = false;
  $('sign-out').hidden = false;
  $('me').textContent = user;
  state.config = await api('GET', 'api/config');
  await loadRooms();
  connect();
}

async function signUp(user, password) {
  await api('POST', 'api/users', { username: user, password }, [null, null]);
  await signIn(user, password);
}

function signOut() {
  if (state.client) {
    state.client.deactivate();
  }
  sessionStorage.removeItem('chat.login');
  location.reload();
}

// ---- STOMP ----

function connect() {
  const client = new StompJs.Client({
    brokerURL: state.config.stompUrl,
    connectHeaders: { login: state.user, passcode: state.password },
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    reconnectDelay: state.reconnectDelay
  });
  client.onConnect = onConnected;
  client.onWebSocketClose = () => {
    // back off: 1 s, 2 s, 4 s ... up to 15 s, so a server that is down is not hammered
    setConnection('offline', 'offline, retrying in ' + Math.round(client.reconnectDelay / 1000) + ' s');
    client.reconnectDelay = Math.min(client.reconnectDelay * 2, 15000);
  };
  client.onStompError = frame => {
    $('room-error').textContent = 'Server: ' + (frame.headers.message || 'error');
  };
  client.beforeConnect = () => setConnection('connecting', 'connecting…');
  state.client = client;
  client.activate();
}

async function onConnected() {
  state.connections++;
  state.client.reconnectDelay = 1000;
  setConnection('online', 'online');
  $('room-error').textContent = '';
  state.client.subscribe('/topic/user.' + state.user, frame => onPersonalEvent(JSON.parse(frame.body)));
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
  resendPending();
}

function setConnection(kind, text) {
  const badge = $('connection');
  badge.className = 'connection ' + kind;
  badge.textContent = text;
}

function subscribeRoom(room) {
  if (room.subscribedIn === state.connections) {
    return; // opening a room and (re)connecting can race; one subscription is enough
  }
  room.subscribedIn = state.connections;
  room.subscription = state.client.subscribe('/topic/room.' + room.id, frame => {
    if (state.current === room) {
      const m = JSON.parse(frame.body);
      if (m.sender !== state.user && !room.seen.has(m.id)) {
        $('announcer').textContent = m.sender + ': ' + m.text;
      }
      // seq counts 1, 2, 3... per room: a jump means a broadcast was missed (the server stores
      // before it publishes, so history has it); fetch the gap before showing what came after
      const gap = room.lastSeq && m.seq > room.lastSeq + 1;
      const catchingUp = gap ? catchUp(room).catch(() => {}) : Promise.resolve();
      catchingUp.then(() => showMessage(room, m));
    }
  });
}

function unsubscribeRoom(room) {
  // An UNSUBSCRIBE for a subscription the broker no longer knows (it died with an earlier socket)
  // is answered with an ERROR that closes the connection, so only a live one is ended.
  if (room.subscription && room.subscribedIn === state.connections && state.client && state.client.connected) {
    room.subscription.unsubscribe();
  }
  room.subscription = null;
  room.subscribedIn = null;
}

/** After a reconnect: whatever was said meanwhile, from history, without repeating what is shown. */
async function catchUp(room) {
  for (;;) {
    const page = await api('GET', 'api/rooms/' + room.id + '/messages?limit=200&after=' + (room.lastSeq || 0));
    page.forEach(m => showMessage(room, m));
    if (page.length < 200 || state.current !== room) {
      return;
    }
  }
}

// ---- rooms ----

async function loadRooms() {
  const rooms = await api('GET', 'api/rooms');
  state.rooms = new Map(rooms.map(r => [r.id, r]));
  renderRooms();
}

function renderRooms() {
  // the rooms one is in first: with many rooms on a server, those are the ones people come back to
  const byName = (a, b) => a.name.localeCompare(b.name) || a.id - b.id;
  const rooms = [...state.rooms.values()].sort(byName);
  $('room-list').replaceChildren(
    roomGroup('rooms-mine', 'Your rooms', rooms.filter(r => r.member), 'None yet: create one or join one below'),
    roomGroup('rooms-other', 'Other rooms', rooms.filter(r => !r.member), 'None'));
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

async function openRoom(id) {
  const previous = state.current;
  if (previous) {
    unsubscribeRoom(previous);
  }
  const info = state.rooms.get(id);
  const room = { id, name: info.name, member: info.member, seen: new Map(), firstSeq: null, lastSeq: 0 };
  state.current = room;
  renderRooms();
  $('room-title').textContent = room.name;
  $('message-list').replaceChildren();
  $('room-error').textContent = '';
  showMembership(room);
  if (!room.member) {
    $('load-earlier').hidden = true;
    return;
  }
  const latest = await api('GET', 'api/rooms/' + id + '/messages?limit=' + PAGE);
  latest.forEach(m => showMessage(room, m));
  $('load-earlier').hidden = latest.length < PAGE;
  scrollToBottom();
  if (state.client && state.client.connected && state.current === room) {
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

function showMembership(room) {
  $('join').hidden = room.member;
  $('leave').hidden = !room.member;
  $('composer').hidden = !room.member;
}

async function joinRoom() {
  const room = state.current;
  await api('POST', 'api/rooms/' + room.id + '/members');
  state.rooms.get(room.id).member = true;
  await openRoom(room.id);
}

async function leaveRoom() {
  const room = state.current;
  await api('DELETE', 'api/rooms/' + room.id + '/members/me');
  // The server ends our subscription itself when we leave; an UNSUBSCRIBE after that would name one
  // it no longer has (an ERROR, and a dropped connection), so it is only forgotten here.
  room.subscription = null;
  room.subscribedIn = null;
  state.rooms.get(room.id).member = false;
  await openRoom(room.id);
}

async function createRoom(name) {
  const room = await api('POST', 'api/rooms', { name });
  state.rooms.set(room.id, room);
  renderRooms();
  await openRoom(room.id);
}

async function loadEarlier() {
  const room = state.current;
  const box = $('messages');
  const before = box.scrollHeight - box.scrollTop;
  const page = await api('GET', 'api/rooms/' + room.id + '/messages?limit=' + PAGE + '&before=' + room.firstSeq);
  page.forEach(m => showMessage(room, m));
  $('load-earlier').hidden = page.length < PAGE;
  box.scrollTop = box.scrollHeight - before; // the reader stays where they were
}

// ---- messages ----

/** Puts a stored message in its place by seq, once: a message seen twice (live and from history) shows once. */
function showMessage(room, m) {
  if (room.seen.has(m.id)) {
    return;
  }
  const own = m.sender === state.user && m.clientMsgId && state.pending.get(m.clientMsgId);
  let li;
  if (own) {
    li = own.li;
    state.pending.delete(m.clientMsgId);
    li.classList.remove('pending', 'failed');
    li.querySelector('.status').textContent = '';
  } else {
    li = messageItem(m.sender, m.text, m.sender === state.user);
  }
  li.dataset.seq = m.seq;
  li.dataset.id = m.id;
  const time = li.querySelector('time');
  const sent = new Date(m.sentAt);
  time.dateTime = m.sentAt;
  time.textContent = shortTime(sent);
  time.title = sent.toLocaleString();
  room.seen.set(m.id, li);
  room.lastSeq = Math.max(room.lastSeq, m.seq);
  room.firstSeq = room.firstSeq === null ? m.seq : Math.min(room.firstSeq, m.seq);
  insertBySeq(li, m.seq, m.sender === state.user);
}

/** Today's messages by time only; older ones with their day, so a conversation from last week reads right. */
function shortTime(date) {
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date().toDateString()) {
    return time;
  }
  return date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ', ' + time;
}

function messageItem(sender, text, own) {
  const li = document.createElement('li');
  li.className = 'message' + (own ? ' own' : '');
  const meta = document.createElement('div');
  meta.className = 'meta';
  const who = document.createElement('span');
  who.className = 'sender';
  who.textContent = sender;
  const time = document.createElement('time');
  const status = document.createElement('span');
  status.className = 'status';
  meta.append(who, time, status);
  const body = document.createElement('div');
  body.className = 'text';
  body.textContent = text;
  li.append(meta, body);
  return li;
}

function insertBySeq(li, seq, own) {
  const list = $('message-list');
  const box = $('messages');
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
  let next = null;
  for (const item of list.children) {
    if (item.dataset.seq && Number(item.dataset.seq) > seq) {
      next = item;
      break;
    }
    if (!item.dataset.seq && !next) {
      next = item; // pending messages stay last
      break;
    }
  }
  list.insertBefore(li, next);
  if (next === null || !li.nextSibling || li.nextSibling.classList.contains('pending')) {
    if (nearBottom || own) {
      scrollToBottom();
    } else {
      $('jump').hidden = false; // do not yank a reader who scrolled up
    }
  }
}

function scrollToBottom() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
  $('jump').hidden = true;
}

function sendMessage() {
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
  if (!p || !state.client || !state.client.connected) {
    return; // it goes out with the same clientMsgId once connected again
  }
  state.client.publish({ destination: '/app/chat.send', body: JSON.stringify({ roomId: p.roomId, text: p.text, clientMsgId }) });
  p.sent = true;
}

/** After a reconnect: what may not have reached the server goes again, same clientMsgId: stored once. */
function resendPending() {
  for (const [clientMsgId, p] of state.pending) {
    if (!p.li.classList.contains('failed')) {
      publish(clientMsgId);
    }
  }
}

function onPersonalEvent(event) {
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

// ---- wiring ----

function showError(target, promise) {
  target.textContent = '';
  return promise.catch(e => { target.textContent = e.message; });
}

window.addEventListener('DOMContentLoaded', () => {
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
    $('new-room').value = '';
    showError($('room-error'), createRoom(name));
  });
  $('join').addEventListener('click', () => showError($('room-error'), joinRoom()));
  $('leave').addEventListener('click', () => showError($('room-error'), leaveRoom()));
  $('load-earlier').addEventListener('click', () => showError($('room-error'), loadEarlier()));
  $('jump').addEventListener('click', scrollToBottom);
  const box = $('messages');
  let pinned = true; // the reader is at the newest message
  box.addEventListener('scroll', () => {
    pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    if (pinned) {
      $('jump').hidden = true;
    }
  });
  // A phone's on-screen keyboard or a turned phone shrinks the list: whoever was at the newest
  // message stays there instead of ending up somewhere in the middle.
  new ResizeObserver(() => {
    if (pinned) {
      box.scrollTop = box.scrollHeight;
    }
  }).observe(box);
  $('composer').addEventListener('submit', e => { e.preventDefault(); sendMessage(); });
  $('text').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendMessage();
    }
  });
  const saved = sessionStorage.getItem('chat.login');
  if (saved) {
    const [user, password] = JSON.parse(saved);
    showError($('auth-error'), signIn(user, password));
  }
});

// For tests and for trying it out: drop the WebSocket the way a network failure would.
// How many times it has connected tells a test whether something dropped the connection behind its back.
window.chatTest = {
  dropConnection: () => state.client && state.client.forceDisconnect(),
  connections: () => state.connections
};
