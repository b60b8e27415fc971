// The open room's members and who of them is online: read once when the room opens
// (GET .../members), then kept live by the room topic's presence events. Shown in a panel the
// room header's Members button opens; "online"/"offline" are words, the dot only repeats them.
import { state } from './state.js';
import { $ } from './views.js';
import { api } from './api.js';

let members = new Map(); // username -> {role, online}, of the open room

export async function loadMembers(room) {
  members = new Map();
  render();
  if (!room.member) {
    return;
  }
  const list = await api('GET', 'api/rooms/' + room.id + '/members');
  if (state.current === room) {
    members = new Map(list.map(m => [m.username, { role: m.role, online: m.online }]));
    render();
  }
}

/** {"type":"presence","user","online"} in the open room. */
export function onPresence(event) {
  const member = members.get(event.user);
  if (member && typeof event.online === 'boolean') {
    member.online = event.online;
    render();
  }
}

export function toggleMembers() {
  const open = $('members-panel').hidden;
  $('members-panel').hidden = !open;
  $('members-button').setAttribute('aria-expanded', String(open));
}

function render() {
  const online = [...members.values()].filter(m => m.online).length;
  $('members-button').textContent = members.size ? 'Members (' + online + ' online)' : 'Members';
  $('members-button').hidden = members.size === 0;
  if (members.size === 0) {
    $('members-panel').hidden = true;
    $('members-button').setAttribute('aria-expanded', 'false');
  }
  const byPresence = ([a, ma], [b, mb]) => Number(mb.online) - Number(ma.online) || a.localeCompare(b);
  $('member-list').replaceChildren(...[...members].sort(byPresence).map(([name, m]) => {
    const li = document.createElement('li');
    li.dataset.user = name;
    const dot = document.createElement('span');
    dot.className = 'dot' + (m.online ? ' online' : '');
    dot.setAttribute('aria-hidden', 'true');
    const who = document.createElement('span');
    who.className = 'name';
    who.textContent = name + (name === state.user ? ' (you)' : '');
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = m.online ? 'online' : 'offline';
    li.append(dot, who, status);
    if (m.role === 'owner' || m.role === 'moderator') {
      const role = document.createElement('span');
      role.className = 'role';
      role.textContent = m.role;
      li.append(role);
    }
    return li;
  }));
}
