/**
 * Dotted paths split once: rules, prefills, anchors and templates read the same few paths over and
 * over. Shared by the rule evaluator (`var`) and the case-data readers.
 */
const splitPaths = new Map<string, readonly string[]>();

export function pathSegments(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (!segments) {
    segments = path.split('.');
    if (splitPaths.size >= 10_000) splitPaths.clear();
    splitPaths.set(path, segments);
  }
  return segments;
}
