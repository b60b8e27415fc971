// A room's messages on screen: each stored message once, in seq order, with gaps filled from history.
// Live deliveries, history pages and one's own acks all come through showMessage; so do edits and
// deletes, which take seqs of their own and change the message they name, and room events (who
// joined, left, was removed or banned, got a role), which show as a line of their own. A type this
// page does not know still holds its seq, and shows nothing.
import { state } from './state.js';
import { $, scrollToBottom } from './views.js';
import { api } from './api.js';
import { addActions } from './edits.js';
import { showLinkedText } from './links.js';
import { regroupAround } from './grouping.js';

const PAGE = 50;

/** Puts a stored message in its place by seq, once: a message seen twice (live and from history) shows once. */
export function showMessage(room, m) {
  if (m.type === 'edited' || m.type === 'deleted') {
    applyChange(room, m);
    return;
  }
  if (m.type === 'member') {
    showMemberEvent(room, m);
    return;
  }
  if (m.type !== undefined && m.type !== 'message') {
    if (Number.isInteger(m.seq)) {
      countSeq(room, m.seq); // a newer server's event: no gap to fill, nothing to show
    }
    return;
  }
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
  li.dataset.sentAt = sent.getTime();
  if (m.deleted) {
    markDeleted(li);
  } else if (m.editedAt) {
    markEdited(li, m.text);
  }
  if (m.sender === state.user) {
    addActions(li);
  } else {
    knownPerson(m.sender);
    if (moderates(room)) {
      addActions(li); // owners and moderators delete anyone's message in their room (the server checks too)
    }
  }
  room.seen.set(m.id, li);
  countSeq(room, m.seq);
  insertBySeq(li, m.seq, m.sender === state.user);
}

const ROLES = { owner: 'an owner', moderator: 'a moderator', member: 'a member' };

/** "bob joined", "alice removed bob", "alice made bob a moderator"; null for an action not known here. */
export function describeMemberEvent(e) {
  switch (e.action) {
    case 'joined': return e.user + ' joined';
    case 'left': return e.user + ' left';
    case 'removed': return e.by ? e.by + ' removed ' + e.user : e.user + ' was removed';
    case 'banned': return e.by ? e.by + ' banned ' + e.user : e.user + ' was banned';
    case 'role': return (e.by || 'The owner') + ' made ' + e.user + ' ' + (ROLES[e.role] || e.role);
    default: return null;
  }
}

function showMemberEvent(room, e) {
  if (!Number.isInteger(e.seq) || typeof e.user !== 'string') {
    return;
  }
  countSeq(room, e.seq);
  const key = 'seq:' + e.seq; // a room event has no message id; its seq is as unique
  const text = describeMemberEvent(e);
  if (room.seen.has(key) || text === null) {
    return;
  }
  const li = document.createElement('li');
  li.className = 'system';
  li.dataset.seq = e.seq;
  li.textContent = text;
  room.seen.set(key, li);
  if (e.user !== state.user) {
    knownPerson(e.user);
  }
  insertBySeq(li, e.seq, false);
}

function moderates(room) {
  const info = state.rooms.get(room.id);
  return !!info && info.kind !== 'dm' && (info.role === 'owner' || info.role === 'moderator');
}

/** Names seen in the open room, offered when typing one in the room menu. */
function knownPerson(name) {
  const list = $('known-members');
  if ([...list.options].some(o => o.value === name)) {
    return;
  }
  const option = document.createElement('option');
  option.value = name;
  list.append(option);
}

/** An edit or delete: it holds its seq (so it is no gap) and changes its message if that is on screen. */
function applyChange(room, change) {
  countSeq(room, change.seq);
  const li = room.seen.get(change.id);
  // not on screen: the message comes from history as it is now. A change older than one applied
  // (history fetched past it while it was on its way) is stale.
  if (!li || Number(li.dataset.changeSeq || 0) >= change.seq || li.classList.contains('deleted')) {
    return;
  }
  li.dataset.changeSeq = change.seq;
  if (change.type === 'deleted') {
    markDeleted(li);
  } else if (change.text !== null) {
    markEdited(li, change.text);
  }
}

function countSeq(room, seq) {
  room.lastSeq = Math.max(room.lastSeq, seq);
  room.firstSeq = room.firstSeq === null ? seq : Math.min(room.firstSeq, seq);
}

function markEdited(li, text) {
  showLinkedText(li.querySelector('.text'), text);
  if (!li.querySelector('.edited')) {
    const edited = document.createElement('span');
    edited.className = 'edited';
    edited.textContent = '(edited)';
    li.querySelector('.meta').append(edited);
  }
}

function markDeleted(li) {
  li.classList.add('deleted');
  li.querySelector('.text').textContent = 'message deleted';
  li.querySelector('.edited')?.remove();
  li.querySelector('.actions')?.remove();
}

/** A live delivery from the room's topic; done when it is on screen. */
export function onRoomMessage(room, m) {
  if (m.type === 'message' && m.sender !== state.user && !room.seen.has(m.id)) {
    $('announcer').textContent = m.sender + ': ' + m.text;
  } else if (m.type === 'member' && !room.seen.has('seq:' + m.seq)) {
    $('announcer').textContent = describeMemberEvent(m) || '';
  }
  // seq counts 1, 2, 3... per room: a jump means a broadcast was missed (the server stores
  // before it publishes, so history has it); fetch the gap before showing what came after
  const gap = room.lastSeq && m.seq > room.lastSeq + 1;
  const catchingUp = gap ? catchUp(room).catch(() => {}) : Promise.resolve();
  return catchingUp.then(() => showMessage(room, m));
}

/**
 * After a reconnect: whatever was said meanwhile, from history, without repeating what is shown.
 * Returns when the newest of those messages was sent (undefined when none): news, as a live one is.
 */
export async function catchUp(room) {
  let newest;
  for (;;) {
    const page = await api('GET', 'api/rooms/' + room.id + '/messages?limit=200&after=' + (room.lastSeq || 0));
    page.forEach(m => showMessage(room, m));
    newest = page.filter(m => m.type === 'message').map(m => m.sentAt).pop() || newest;
    if (page.length < 200 || state.current !== room) {
      return newest;
    }
  }
}

/** A room just opened shows its newest page; older ones come on asking. */
export async function showLatest(room) {
  const latest = await api('GET', 'api/rooms/' + room.id + '/messages?limit=' + PAGE);
  latest.forEach(m => showMessage(room, m));
  $('load-earlier').hidden = latest.length < PAGE;
  scrollToBottom();
}

export async function loadEarlier() {
  const room = state.current;
  const box = $('messages');
  const before = box.scrollHeight - box.scrollTop;
  const page = await api('GET', 'api/rooms/' + room.id + '/messages?limit=' + PAGE + '&before=' + room.firstSeq);
  page.forEach(m => showMessage(room, m));
  $('load-earlier').hidden = page.length < PAGE;
  box.scrollTop = box.scrollHeight - before; // the reader stays where they were
}

/** Today's messages by time only; older ones with their day, so a conversation from last week reads right. */
function shortTime(date) {
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date().toDateString()) {
    return time;
  }
  return date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ', ' + time;
}

export function messageItem(sender, text, own) {
  const li = document.createElement('li');
  li.className = 'message' + (own ? ' own' : '');
  li.dataset.sender = sender;
  const meta = document.createElement('div');
  meta.className = 'meta';
  // someone else's name opens the direct message with them (main.js listens)
  const who = document.createElement(own ? 'span' : 'button');
  who.className = 'sender';
  who.textContent = sender;
  if (!own) {
    who.type = 'button';
    who.title = 'Message ' + sender;
    who.addEventListener('click', () => document.dispatchEvent(new CustomEvent('chat:open-dm', { detail: sender })));
  }
  const time = document.createElement('time');
  const status = document.createElement('span');
  status.className = 'status';
  meta.append(who, time, status);
  const body = document.createElement('div');
  body.className = 'text';
  showLinkedText(body, text);
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
  regroupAround(li);
  if (next === null || !li.nextSibling || li.nextSibling.classList.contains('pending')) {
    if (nearBottom || own) {
      scrollToBottom();
    } else {
      $('jump').hidden = false; // do not yank a reader who scrolled up
    }
  }
}
