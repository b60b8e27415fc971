// Changing what one said: Up arrow in an empty composer edits one's last message (Enter saves,
// Escape cancels), each own message (and, for owners and moderators, everyone's) has a Delete button that asks first. The server's edited and
// deleted events change the message on screen (messages.js); an error shows above the composer.
import { state } from './state.js';
import { $ } from './views.js';
import { isConnected, publish } from './connection.js';

const ERRORS = {
  UNKNOWN_MESSAGE: 'That message does not exist any more',
  NOT_YOUR_MESSAGE: 'You can only edit your own messages',
  NOT_ALLOWED: 'You may not delete this message',
  TEXT_TOO_LONG: 'Text too long',
  TEXT_EMPTY: 'Message is empty',
  TEXT_INVALID: 'Message has characters that cannot be sent',
  NOT_A_MEMBER: 'You are not a member of this room',
  RATE_LIMITED: 'Too fast, try again in a moment'
};

const changes = new Set(); // clientMsgIds of this tab's edits and deletes

/** Gives a stored message its Delete button: one's own, or any in a room one moderates. */
export function addActions(li) {
  if (li.querySelector('.actions') || li.classList.contains('deleted')) {
    return;
  }
  const actions = document.createElement('span');
  actions.className = 'actions';
  const del = document.createElement('button');
  del.type = 'button';
  del.className = 'delete';
  del.textContent = 'Delete';
  del.addEventListener('click', () => {
    if (confirm('Delete this message? Nobody will see its text any more.')) {
      change('/app/chat.delete', { roomId: state.current.id, messageId: Number(li.dataset.id) });
    }
  });
  actions.append(del);
  li.querySelector('.meta').append(actions);
}

/** Up arrow in an empty composer: the last own message that is stored and not deleted. */
export function startEditingLast() {
  const own = [...$('message-list').querySelectorAll('li.own[data-id]:not(.deleted)')];
  const li = own[own.length - 1];
  if (!li) {
    return false;
  }
  state.editing = li;
  li.classList.add('editing');
  $('text').value = li.querySelector('.text').textContent;
  return true;
}

export function isEditing() {
  return state.editing != null;
}

export function stopEditing() {
  state.editing?.classList.remove('editing');
  state.editing = null;
  $('text').value = '';
}

export function saveEdit() {
  const li = state.editing;
  const text = $('text').value;
  if (text.trim() === '') {
    return;
  }
  if (text !== li.querySelector('.text').textContent) {
    change('/app/chat.edit', { roomId: state.current.id, messageId: Number(li.dataset.id), text });
  }
  stopEditing();
}

function change(destination, body) {
  if (!isConnected()) {
    $('room-error').textContent = 'Offline: try again when connected';
    return;
  }
  const clientMsgId = crypto.getRandomValues(new Uint32Array(4)).join('-');
  changes.add(clientMsgId);
  publish(destination, { ...body, clientMsgId });
}

/** An ack or error about an edit or delete of this tab's; false for anything else. */
export function onChangeAnswer(event) {
  if (!event.clientMsgId || !changes.has(event.clientMsgId)) {
    return false;
  }
  changes.delete(event.clientMsgId);
  if (event.type === 'error') {
    $('room-error').textContent = ERRORS[event.code] || event.message;
    if ((event.code === 'NOT_A_MEMBER' || event.code === 'UNKNOWN_ROOM') && state.current) {
      document.dispatchEvent(new CustomEvent('chat:not-a-member', { detail: state.current.id }));
    }
  }
  return true;
}
