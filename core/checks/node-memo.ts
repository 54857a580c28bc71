import type { Node as PMNode } from "@tiptap/pm/model";
import type { Finding } from "./finding";

/**
 * Caches what a rule computes from one node, by node. ProseMirror nodes are immutable and an edit
 * shares every unchanged node with the previous document (y-prosemirror keeps them too when a
 * peer's change arrives), so after a keystroke only the edited block and note are read again:
 * this is what makes the checks incremental (bench/checks/preflight.ts).
 */
export function memoByNode<T>(compute: (node: PMNode) => T): (node: PMNode) => T {
  const cache = new WeakMap<PMNode, T>();
  return (node) => {
    if (cache.has(node)) return cache.get(node) as T;
    const value = compute(node);
    cache.set(node, value);
    return value;
  };
}

/** Findings computed for a block at position 0, moved to where the block is now. */
export function shiftFindings(findings: readonly Finding[], by: number): Finding[] {
  if (by === 0) return [...findings];
  return findings.map((finding) => ({
    ...finding,
    location: finding.location && { ...finding.location, from: finding.location.from + by, to: finding.location.to + by },
    ...(finding.fix ? { fix: { ...finding.fix, from: finding.fix.from + by, to: finding.fix.to + by } } : {}),
  }));
}

/**
 * A rule that reads each top-level block on its own, run over a document. The rule reports
 * positions as if the block stood at 0 (a descendant at `offset` is at `1 + offset`); each
 * block's findings are computed once and shifted to the block's place on later runs.
 */
export function perBlock(rule: (block: PMNode) => Finding[]): (doc: PMNode) => Finding[] {
  const ofBlock = memoByNode(rule);
  return (doc) => {
    const findings: Finding[] = [];
    doc.forEach((block, offset) => findings.push(...shiftFindings(ofBlock(block), offset)));
    return findings;
  };
}
