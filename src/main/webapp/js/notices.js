// Browser notifications for mentions and direct messages while the tab is hidden, once the person
// allowed them with the bell button. Offered only where the Notification API is (a secure context:
// https, or localhost). The texts go in as plain text: a notification shows no HTML.
import { $ } from './views.js';

const supported = () => window.isSecureContext && 'Notification' in window;

/** The bell: asks for permission when pressed; says so when blocked; gone once allowed. */
export function offerNotifications() {
  const bell = $('notify');
  if (!supported()) {
    bell.hidden = true;
    return;
  }
  const show = () => {
    bell.hidden = Notification.permission === 'granted';
    bell.disabled = Notification.permission === 'denied';
    bell.textContent = Notification.permission === 'denied' ? '🔕 Notifications blocked' : '🔔 Notify me';
  };
  bell.onclick = () => Notification.requestPermission().then(show, show);
  show();
}

/** A notification about a room, if allowed and nobody is looking at the page; clicking it opens the room. */
export function notify(room, title, body) {
  if (!supported() || Notification.permission !== 'granted' || document.visibilityState === 'visible') {
    return;
  }
  const n = new Notification(title, { body, tag: 'room-' + room.id });
  n.onclick = () => {
    window.focus();
    document.dispatchEvent(new CustomEvent('chat:open-room', { detail: room.id }));
    n.close();
  };
}
