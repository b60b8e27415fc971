// What the page knows, in one place: the modules share it instead of passing it around,
// as the single-file client did.

export const state = {
  user: null,
  token: null,         // the session token (POST /api/sessions); the password is never kept
  config: null,
  rooms: new Map(),     // id -> a room as GET /api/rooms lists it: {id, name, kind, member, role, invited, with}
  current: null,        // the room on screen: {id, name, member, seen: Map(id -> li), firstSeq, lastSeq}
  subscribed: new Map(), // room id -> {in: the connection it was made in, gone: the server ended it}
  pending: new Map(),   // clientMsgId -> {roomId, text, li, sent}
  activity: new Map(),  // room id -> when a message last arrived in it live (ms), until the list says later
  filter: '',           // what the room lists are narrowed to (lower case)
  editing: null         // the own message's li that the composer is editing (Up arrow), or null
};
