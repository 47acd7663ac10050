/** A citation as Preact nodes: its text, with each http(s) URL a link (named by its host). */
import type { ComponentChildren } from 'preact';
import { citationParts } from '../lib/citation';

export function citationText(text: string): ComponentChildren {
  return citationParts(text).map((p) =>
    'url' in p ? (
      <a href={p.url} title={p.url} target="_blank" rel="noopener noreferrer">
        {p.host}
      </a>
    ) : (
      p.text
    ),
  );
}
