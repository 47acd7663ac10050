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

/**
 * Fetches the manifest at `url` and fills `header` (index.html's `#boot-header`, laid out as the
 * app's header) with its title and description, if the header is still on the page. Any failure
 * is left to the loader, which reports it properly; this only ever fills the header in.
 */
export async function showBootHeader(url: string, header: HTMLElement): Promise<void> {
  let head: ManifestHead;
  try {
    const res = await fetch(url);
    if (!res.ok) return;
    head = await res.json();
  } catch {
    return;
  }
  if (typeof head.title !== 'string' || !header.isConnected) return;
  document.title = head.title;
  const h1 = header.querySelector('h1');
  const p = header.querySelector('p');
  if (h1) h1.textContent = head.title;
  if (p && typeof head.description === 'string') {
    p.title = head.description;
    p.textContent = head.description;
  }
  header.classList.add('filled');
}
