// The REST API and the login it is called with. URLs are relative to the page, so it works under
// any host name and context path.
import { state } from './state.js';

const LOGIN = 'chat.login';

export async function api(method, path, body, credentials = [state.user, state.password]) {
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

/** Checks the login with the server before keeping it; kept per tab so a reload stays signed in. */
export async function logIn(user, password) {
  await api('GET', 'api/users/me', undefined, [user, password]);
  state.user = user;
  state.password = password;
  sessionStorage.setItem(LOGIN, JSON.stringify([user, password]));
}

export function register(user, password) {
  return api('POST', 'api/users', { username: user, password }, [null, null]);
}

export function savedLogin() {
  const saved = sessionStorage.getItem(LOGIN);
  return saved ? JSON.parse(saved) : null;
}

export function forgetLogin() {
  sessionStorage.removeItem(LOGIN);
}
