// Unread and mention counts per room, kept live: GET /api/rooms gives them, each message from someone
// else above the read marker adds one, the user topic's "mention" and "read" events do the rest. The
// tab's title carries the total. The read marker moves (PUT .../read) only when the person has seen
// the newest messages: the open room, the tab in view, scrolled to the bottom.
import { state } from './state.js';
import { $ } from './views.js';
import { api } from './api.js';
import { notify } from './notices.js';

/** The list as GET /api/rooms gave it: what it counted is up to each room's lastSeq. */
export function countedFromList(rooms) {
  for (const room of rooms) {
    room.mentionsUpTo = room.lastSeq || 0;
  }
}

/** A room event with a seq, live, in any room we are in (open or not). Returns whether the counts changed. */
export function countLive(roomId, m) {
  const info = state.rooms.get(roomId);
  if (!info || !Number.isInteger(m.seq) || m.seq <= (info.lastSeq || 0)) {
    return false; // counted by the list already, or seen twice
  }
  info.lastSeq = m.seq;
  if (m.type !== 'message' || m.sender === state.user || !info.member || m.seq <= (info.readSeq || 0)
      || (state.current && state.current.id === roomId && seesNewest())) {
    return false; // (one being read as it comes is read: the marker follows at once)
  }
  info.unread = (info.unread || 0) + 1;
  if (info.kind === 'dm') {
    notify(info, m.sender, m.text);
  }
  return true;
}

/** {"type":"mention","roomId","id","seq","sender"} on the user topic. Returns whether the counts changed. */
export function onMention(event) {
  const info = state.rooms.get(event.roomId);
  if (!info || event.seq <= (info.mentionsUpTo || 0) || event.seq <= (info.readSeq || 0)
      || (state.current && state.current.id === event.roomId && seesNewest())) {
    return false;
  }
  info.mentionsUpTo = event.seq;
  info.mentions = (info.mentions || 0) + 1;
  if (info.kind !== 'dm') { // a DM notifies for every message already
    notify(info, event.sender + ' mentioned you', 'in ' + info.name);
  }
  return true;
}

/**
 * {"type":"read","roomId","seq"}: this tab or another moved the marker. Read to the newest we know
 * of, the room has nothing unread; read to somewhere short of it, only the server can count the rest.
 * Returns whether the counts changed.
 */
export function onRead(event) {
  const info = state.rooms.get(event.roomId);
  if (!info || !Number.isInteger(event.seq) || (event.seq <= (info.readSeq || 0) && !info.unread && !info.mentions)) {
    return false;
  }
  info.readSeq = Math.max(info.readSeq || 0, event.seq);
  if (info.readSeq >= (info.lastSeq || 0)) {
    info.unread = 0;
    info.mentions = 0;
  } else {
    document.dispatchEvent(new CustomEvent('chat:counts-stale'));
  }
  return true;
}

/** The total of unread messages in the rooms we are in: "(3) chat", or "chat". */
export function showTotal() {
  let total = 0;
  for (const room of state.rooms.values()) {
    total += room.member ? room.unread || 0 : 0;
  }
  document.title = total > 0 ? '(' + total + ') chat' : 'chat';
}

/** The badges after a room's name in the list: unread, then mentions; the words are for screen readers. */
export function badgesOf(room) {
  const badges = [];
  if (room.member && room.unread > 0) {
    badges.push(badge('unread', String(room.unread), ' unread'));
  }
  if (room.member && room.mentions > 0) {
    badges.push(badge('mentions', '@' + room.mentions, room.mentions === 1 ? ' mention' : ' mentions'));
  }
  return badges;
}

function badge(kind, shown, said) {
  const span = document.createElement('span');
  span.className = 'badge ' + kind;
  span.textContent = shown;
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = said;
  span.append(words);
  return span;
}

const atBottom = box => box.scrollHeight - box.scrollTop - box.clientHeight < 60;

/** Whether the person sees the newest messages of the open room: the tab in view, scrolled to the bottom. */
const seesNewest = () => document.visibilityState === 'visible' && !$('chat-view').hidden && atBottom($('messages'));

let marking = false; // one PUT at a time; the next look comes when it is answered

/** Moves the read marker to the newest message on screen if the person can see it now. */
export function readIfSeen() {
  const room = state.current;
  const info = room && state.rooms.get(room.id);
  if (!info || !room.member || marking || !seesNewest() || room.lastSeq <= (info.readSeq || 0)) {
    return;
  }
  marking = true;
  api('PUT', 'api/rooms/' + room.id + '/read', { seq: room.lastSeq })
    .then(read => {
      marking = false;
      if (onRead(read)) {
        document.dispatchEvent(new CustomEvent('chat:counts-changed'));
      }
      readIfSeen(); // more may have come meanwhile
    }, () => { marking = false; });
}

/**
 * Opening a room with unread messages: a "New messages" line after the read marker (the marker as it
 * was before this visit), and the view scrolled to it if the unread ones fill more than the screen.
 */
export function showDivider(readSeq) {
  $('message-list').querySelector('.divider')?.remove();
  const first = [...$('message-list').children].find(li => li.dataset.seq && Number(li.dataset.seq) > readSeq);
  if (!first) {
    return;
  }
  const divider = document.createElement('li');
  divider.className = 'divider';
  divider.dataset.seq = readSeq + 0.5; // between the read and the unread, whatever comes in later
  divider.textContent = 'New messages';
  $('message-list').insertBefore(divider, first);
  const box = $('messages');
  const above = divider.getBoundingClientRect().top - box.getBoundingClientRect().top;
  if (above < 0) {
    box.scrollTop += above - 8;
  }
}
