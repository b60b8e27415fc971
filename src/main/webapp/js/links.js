// Web addresses in a message become links; everything else stays text. The element is built with DOM
// calls (textContent, href): nothing a user typed is ever parsed as HTML, and only http and https
// addresses become links, so "javascript:" or "data:" text can never run.

// Where an address ends is a guess: whitespace, or a character that cannot be in one unescaped.
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address ("see http://x.org/a.")
const TRAILING = /[.,;:!?*]+$/;

/**
 * The text cut into parts: {text} for plain text, {text, href} for a link. Joined, the parts' texts
 * are the message's text exactly.
 */
export function linkParts(text) {
  const parts = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimmed(match[0]);
    const href = safeHref(address);
    if (!href) {
      continue;
    }
    if (match.index > from) {
      parts.push({ text: text.slice(from, match.index) });
    }
    parts.push({ text: address, href });
    from = match.index + address.length;
  }
  if (from < text.length || parts.length === 0) {
    parts.push({ text: text.slice(from) });
  }
  return parts;
}

/** Strips sentence punctuation, and a closing bracket that closes one opened before the address. */
function trimmed(address) {
  let a = address.replace(TRAILING, '');
  while (/[)\]]$/.test(a) && count(a, a.endsWith(')') ? '(' : '[') < count(a, a.slice(-1))) {
    a = a.slice(0, -1).replace(TRAILING, '');
  }
  return a;
}

const count = (s, c) => s.split(c).length - 1;

/** The address as the browser would follow it, if it is an http(s) one; otherwise null. */
export function safeHref(address) {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (notAnAddress) {
    return null;
  }
}

/** Fills the element with the text, its web addresses as links that open in a new tab. */
export function showLinkedText(element, text) {
  // a deleted message comes from history with no text (null)
  element.replaceChildren(...linkParts(text ?? '').map(part => {
    if (!part.href) {
      return document.createTextNode(part.text);
    }
    const a = document.createElement('a');
    a.href = part.href;
    a.textContent = part.text;
    a.target = '_blank';
    a.rel = 'noopener noreferrer'; // the opened page gets no handle on this one, nor its address
    return a;
  }));
}
