// The REST API and the session it is called with. URLs are relative to the page, so it works under
// any host name and context path. The password is sent once, to sign in; what the page keeps (in
// localStorage, so that a reload or a new tab stays signed in) is the session's token and the username.
import { state } from './state.js';

const SESSION = 'chat.session';

let onSessionEnded = () => {};

/** What to do when the server says the session has ended or expired (a 401 to a signed-in call). */
export function whenSessionEnds(handler) {
  onSessionEnded = handler;
}

export async function api(method, path, body, token = state.token) {
  const headers = { 'Accept': 'application/json' };
  if (token) {
    headers['Authorization'] = 'Bearer ' + token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  // credentials 'omit': the browser adds no cookie or login of its own behind our back
  const response = await fetch(path, {
    method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    // the container's own error pages (a proxy's 502) are HTML: the status says enough
  }
  if (!response.ok) {
    if (response.status === 401 && token) {
      onSessionEnded();
    }
    const error = new Error((json && json.message) || response.statusText);
    error.status = response.status;
    error.code = json && json.code;
    throw error;
  }
  return json;
}

/** Trades the password for a session token; keeps only the token and the username. */
export async function logIn(user, password) {
  const session = await api('POST', 'api/sessions', { username: user, password }, null);
  state.user = user;
  state.token = session.token;
  localStorage.setItem(SESSION, JSON.stringify({ user, token: session.token }));
}

/** Ends the session on the server (which closes its STOMP connections) and forgets it here. */
export async function logOut() {
  const token = state.token;
  forgetSession();
  if (token) {
    await api('DELETE', 'api/sessions/current', undefined, token).catch(() => {});
  }
}

export function register(user, password) {
  return api('POST', 'api/users', { username: user, password }, null);
}

/** The session a reload or another tab left, if any: {user, token}. */
export function savedSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION));
    return saved && saved.user && saved.token ? saved : null;
  } catch (unreadable) {
    return null;
  }
}

export function forgetSession() {
  localStorage.removeItem(SESSION);
  state.token = null;
}

/** Tells the handler when another tab signs out (or in as someone else). */
export function whenSessionChangesElsewhere(handler) {
  window.addEventListener('storage', e => {
    if (e.key === SESSION || e.key === null) {
      handler();
    }
  });
}
