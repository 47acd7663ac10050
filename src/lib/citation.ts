/**
 * Splits a citation ("Reuters, 12 Nov 2015: http://…") into text and http(s) URL parts, so
 * the popup and the panels can link the URLs without ever parsing text as HTML.
 */
const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

export type CitationPart = { text: string } | { url: string; host: string };

export function citationParts(text: string): CitationPart[] {
  const out: CitationPart[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    // Sentence punctuation after a URL is not part of it.
    const url = m[0].replace(/[.,;:]+$/, '');
    const at = m.index ?? 0;
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      continue;
    }
    if (at > last) out.push({ text: text.slice(last, at) });
    out.push({ url, host });
    last = at + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
