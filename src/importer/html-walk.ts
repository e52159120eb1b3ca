import type { HTMLElement } from 'node-html-parser';

const tagOf = (node: unknown) => (node as { rawTagName?: string }).rawTagName?.toLowerCase() ?? '';

/**
 * The elements with one of `names` under `root`, in page order, without looking inside elements named in
 * `stopAt` (a table's rows, but not those of a table nested in one of its cells). An explicit stack rather
 * than CSS selectors or recursion: linear in the page, and safe on deeply nested markup.
 */
export function elementsNamed(
  root: HTMLElement,
  names: ReadonlySet<string>,
  stopAt: ReadonlySet<string> = new Set(),
): HTMLElement[] {
  const found: HTMLElement[] = [];
  const stack: HTMLElement[] = [...(root.childNodes as HTMLElement[])].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const tag = tagOf(node);
    if (!tag) continue;
    if (names.has(tag)) found.push(node);
    if (stopAt.has(tag)) continue;
    const children = node.childNodes as HTMLElement[];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return found;
}

/** The element's own children with one of `names`: a row's cells. */
export function childrenNamed(node: HTMLElement, names: ReadonlySet<string>): HTMLElement[] {
  return (node.childNodes as HTMLElement[]).filter((n) => names.has(tagOf(n)));
}
