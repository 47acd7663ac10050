/**
 * While the dataset loads (seconds on a slow machine), the page shows the app's header with the
 * dataset's own title and description, read from the manifest alone, above the loading line, so a
 * visitor knows at once what the map is about. The full app replaces it once the data is in.
 * Plain DOM, no Preact: it runs before anything else is ready.
 */

/** The manifest fields the header shows. */
interface ManifestHead {
  title?: unknown;
  description?: unknown;
}

/** The manifest at `url` as JSON, unchecked, or null when it cannot be read. Any failure is
 * left to the loader, which reports it properly. */
export async function fetchManifestHead(url: string): Promise<unknown> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

/**
 * Fills `header` (index.html's `#boot-header`, laid out as the app's header) with the title and
 * description of `head` (fetchManifestHead), if the header is still on the page. This only ever
 * fills the header in.
 */
export function showBootHeader(head: unknown, header: HTMLElement): void {
  const { title, description } = (head ?? {}) as ManifestHead;
  if (typeof title !== 'string' || !header.isConnected) return;
  document.title = title;
  const h1 = header.querySelector('h1');
  const p = header.querySelector('p');
  if (h1) h1.textContent = title;
  if (p && typeof description === 'string') {
    p.title = description;
    p.textContent = description;
  }
  header.classList.add('filled');
}
