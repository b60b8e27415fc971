// The STOMP connection (stomp.js, loaded as a classic script before the modules: the StompJs global).
// It reconnects by itself; what to redo on each (re)connect is the caller's onConnected.
// A network that goes away does not close a WebSocket: the close handshake cannot get through, and
// the browser may wait minutes for it. So the page does not wait either: a missed heart-beat, or the
// browser saying it is offline, drops the socket at once (the badge says offline), and the browser
// saying it is back online reconnects at once instead of after the back-off.
import { state } from './state.js';
import { $, setConnection } from './views.js';

let client = null;
let connections = 0; // counts CONNECTEDs: a subscription made before the last one died with its socket
let wanted = false;  // connected or trying to be; false once signed out

/** @param onRefused called when the server refuses the connection (an ended session, say) */
export function connect(onConnected, onRefused) {
  client = new StompJs.Client({
    brokerURL: state.config.stompUrl,
    connectHeaders: { login: state.user, passcode: state.token },
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    // without it a failed heart-beat only starts a close that a dead network never completes
    discardWebsocketOnCommFailure: true,
    reconnectDelay: 1000
  });
  client.onConnect = () => {
    connections++;
    client.reconnectDelay = 1000;
    setConnection('online', 'online');
    $('room-error').textContent = '';
    return onConnected();
  };
  client.onWebSocketClose = () => {
    // back off: 1 s, 2 s, 4 s ... up to 15 s, so a server that is down is not hammered
    setConnection('offline', 'offline, retrying in ' + Math.round(client.reconnectDelay / 1000) + ' s');
    client.reconnectDelay = Math.min(client.reconnectDelay * 2, 15000);
  };
  client.onStompError = frame => {
    $('room-error').textContent = 'Server: ' + (frame.headers.message || 'error');
    onRefused();
  };
  client.beforeConnect = () => setConnection('connecting', 'connecting…');
  wanted = true;
  if (navigator.onLine) {
    client.activate();
  } else {
    wentOffline();
  }
}

/** No network: no use trying until the browser says it is back (retrying would only back off further). */
async function wentOffline() {
  if (!client || !wanted) {
    return;
  }
  await client.deactivate({ force: true }); // discards the socket now, without a close handshake
  if (!client.active) { // unless the network came back meanwhile
    setConnection('offline', 'offline (no network)');
  }
}

async function backOnline() {
  if (!client || !wanted || client.connected) {
    return;
  }
  await client.deactivate({ force: true }); // a reconnect the back-off put off for up to 15 s
  if (wanted) {
    client.reconnectDelay = 1000;
    client.activate();
  }
}

window.addEventListener('offline', wentOffline);
window.addEventListener('online', backOnline);

export const isConnected = () => Boolean(client && client.connected);

/** Which connection this is: a subscription belongs to the one it was made in. */
export const connectionCount = () => connections;

export const subscribe = (destination, onBody) => client.subscribe(destination, frame => onBody(JSON.parse(frame.body)));

export const publish = (destination, body) => client.publish({ destination, body: JSON.stringify(body) });

export function disconnect() {
  wanted = false;
  if (client) {
    client.deactivate();
  }
}

/** For tests: drops the WebSocket the way a network failure would. */
export function dropConnection() {
  return client && client.forceDisconnect();
}
