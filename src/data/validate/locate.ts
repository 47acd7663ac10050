/**
 * Gives every problem a line and column. Most rules locate their problems as they go (a
 * feature's offset from json-scan, a property's key); this fills in the rest from the file's
 * text: the feature a problem names (by index, or by id, e.g. a cross-file duplicate or a post),
 * the deepest part of its property path that exists, and otherwise the root value, so that a
 * file whose root is not GeoJSON points at that root instead of nowhere.
 */
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import { lineLocator } from './json-scan';
import { FILE_START, type Problem } from '../problems';

export { FILE_START };

/** Lists whose entries carry the ids that problems name (features, posts, factions, layers). */
const LISTS = ['features', 'posts', 'factions', 'layers'];

/** `control[2].faction` → ['control', 2, 'faction']. */
export function propertyPath(property: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of property.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function child(node: Node | undefined, key: string): Node | undefined {
  return node?.type === 'object' ? findNodeAtLocation(node, [key]) : undefined;
}

/** The object that a problem's feature index or id names, when the text holds one. */
function featureNode(root: Node, p: Problem): Node | undefined {
  const isFeature = child(root, 'type')?.value === 'Feature';
  if (p.featureIndex !== undefined) {
    if (isFeature) return root;
    return child(root, 'features')?.children?.[p.featureIndex];
  }
  if (p.featureId === undefined) return undefined;
  if (child(root, 'id')?.value === p.featureId) return root;
  for (const list of LISTS)
    for (const entry of child(root, list)?.children ?? [])
      if (child(entry, 'id')?.value === p.featureId) return entry;
  return undefined;
}

/**
 * The node for a property path under `base`: tried below `properties` first (a feature's
 * fields), then directly (`geometry`, `id`, a manifest's or post's fields). When only a prefix
 * exists, the deepest node of it. A property's location is its key, as an editor shows it.
 */
function propertyNode(base: Node, property: string): Node {
  const path = propertyPath(property);
  let best: { node: Node; depth: number } = { node: base, depth: 0 };
  for (const start of [child(base, 'properties'), base]) {
    let node = start;
    for (let i = 0; node && i < path.length; i++) {
      node = findNodeAtLocation(node, [path[i]]);
      if (node && i + 1 > best.depth) best = { node, depth: i + 1 };
    }
    if (best.depth === path.length) break;
  }
  const n = best.node;
  return n.parent?.type === 'property' ? n.parent : n;
}

/**
 * Returns the problems with a line and column on each: those already located are kept as they
 * are; the rest are located in `text` (the file they name). Unparseable text locates at 1:1.
 */
export function locateInText(problems: Problem[], text: string): Problem[] {
  if (problems.every((p) => p.line)) return problems;
  // Offsets into the text without its byte order mark, as an editor counts columns.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: Node | undefined;
  try {
    root = parseTree(body, [], { disallowComments: true });
  } catch {
    // Nested too deeply for the tree builder: fall back to the first value's offset.
  }
  const locate = lineLocator(body);
  const firstValue = Math.max(0, body.search(/\S/));
  return problems.map((p) => {
    if (p.line) return p;
    if (!root) return { ...p, ...(body ? locate(firstValue) : FILE_START) };
    const base = featureNode(root, p) ?? root;
    const property = p.property && p.property !== '(root)' ? p.property : undefined;
    const node = property ? propertyNode(base, property) : base;
    return { ...p, ...locate(node.offset) };
  });
}
