// The STOMP connection (stomp.js, loaded as a classic script before the modules: the StompJs global).
// It reconnects by itself; what to redo on each (re)connect is the caller's onConnected.
import { state } from './state.js';
import { $, setConnection } from './views.js';

let client = null;
let connections = 0; // counts CONNECTEDs: a subscription made before the last one died with its socket

/** @param onRefused called when the server refuses the connection (an ended session, say) */
export function connect(onConnected, onRefused) {
  client = new StompJs.Client({
    brokerURL: state.config.stompUrl,
    connectHeaders: { login: state.user, passcode: state.token },
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
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
  client.activate();
}

export const isConnected = () => Boolean(client && client.connected);

/** Which connection this is: a subscription belongs to the one it was made in. */
export const connectionCount = () => connections;

export const subscribe = (destination, onBody) => client.subscribe(destination, frame => onBody(JSON.parse(frame.body)));

export const publish = (destination, body) => client.publish({ destination, body: JSON.stringify(body) });

export function disconnect() {
  if (client) {
    client.deactivate();
  }
}

/** For tests: drops the WebSocket the way a network failure would. */
export function dropConnection() {
  return client && client.forceDisconnect();
}
