import { Effect, PolicyDocument } from '../../policy';
import { globMatches } from './glob';

/**
 * Where two action patterns meet. A Deny with `NotAction` refuses every action outside its patterns, so
 * what an Allow of `*:X*` still allows beside a Deny of `NotAction: ["log:*"]` is `log:X*`: the made-up
 * actions of a probe must be drawn from there, not from `*:X*` alone (whose made-up service the Deny refuses).
 */

/** The most patterns a statement's actions are split into by the Denies; past it the analysis cannot tell. */
const MAX_MEETS = 64;

/** Whether a pattern is `<prefix>*` (no other wildcard): a whole class of names under one prefix. */
function prefixOf(p: string): string | undefined {
  const star = p.indexOf('*');
  return star === p.length - 1 && !p.includes('?') ? p.slice(0, -1) : undefined;
}

/** Whether a pattern is `*<suffix>` (no other wildcard). */
function suffixOf(p: string): string | undefined {
  return p.lastIndexOf('*') === 0 && !p.includes('?') ? p.slice(1) : undefined;
}

/**
 * Patterns of what both parts (service or name, compared without case) match, together exactly that:
 * none when nothing, undefined when the shapes are beyond what this reads (the caller cannot tell). A
 * literal, `*`, a prefix (`Get*`) and a suffix (`*Logs`) are read. A prefix and a suffix meet in
 * `<prefix>*<suffix>` and in each word where the prefix's end is the suffix's start (`ab*` and `*bc` in `abc`).
 */
function partsMeet(a: string, b: string): string[] | undefined {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la === lb || b === '*') return [a];
  if (a === '*') return [b];
  if (!a.includes('*') && !a.includes('?')) return globMatches(b, a, false) ? [a] : [];
  if (!b.includes('*') && !b.includes('?')) return globMatches(a, b, false) ? [b] : [];
  const [pa, pb, sa, sb] = [prefixOf(la), prefixOf(lb), suffixOf(la), suffixOf(lb)];
  if (pa !== undefined && pb !== undefined) return pa.startsWith(pb) ? [a] : pb.startsWith(pa) ? [b] : [];
  if (sa !== undefined && sb !== undefined) return sa.endsWith(sb) ? [a] : sb.endsWith(sa) ? [b] : [];
  if (pa !== undefined && sb !== undefined) return prefixAndSuffix(a.slice(0, -1), b.slice(1));
  if (sa !== undefined && pb !== undefined) return prefixAndSuffix(b.slice(0, -1), a.slice(1));
  return undefined;
}

/** What starts with `prefix` and ends with `suffix`: `<prefix>*<suffix>`, and each word where the two overlap. */
function prefixAndSuffix(prefix: string, suffix: string): string[] {
  const meets = [`${prefix}*${suffix}`];
  for (let k = 1; k <= Math.min(prefix.length, suffix.length); k++) {
    if (prefix.slice(-k).toLowerCase() === suffix.slice(0, k).toLowerCase()) meets.push(prefix + suffix.slice(k));
  }
  return meets;
}

/** `<service>:<name>` of an action pattern; `*` as `*:*`; undefined for a pattern without a colon. */
function split(p: string): [string, string] | undefined {
  if (p === '*') return ['*', '*'];
  const colon = p.indexOf(':');
  return colon < 0 ? undefined : [p.slice(0, colon), p.slice(colon + 1)];
}

/**
 * Patterns of what two action patterns both match, part by part, together exactly that: none when nothing,
 * undefined when the analysis cannot tell.
 */
export function actionsMeet(a: string, b: string): string[] | undefined {
  const [x, y] = [split(a), split(b)];
  if (x === undefined || y === undefined) return a.toLowerCase() === b.toLowerCase() ? [a] : undefined;
  const services = partsMeet(x[0], y[0]);
  const names = partsMeet(x[1], y[1]);
  if (services === undefined || names === undefined) return undefined;
  return services.flatMap((service) => names.map((name) => `${service}:${name}`));
}

/**
 * The action patterns to draw made-up actions from, for these patterns beside the documents' Denies with
 * `NotAction`: each pattern, and where it meets one pattern of each such Deny (or of several). Undefined
 * when a meeting is beyond what `actionsMeet` reads, or there are more than the analysis tries.
 */
export function throughNotActionDenies(patterns: string[], documents: PolicyDocument[]): string[] | undefined {
  let all = new Set(patterns);
  for (const d of documents) {
    for (const s of d.statements) {
      if (s.effect !== Effect.DENY || s.notActions.length === 0) continue;
      const next = new Set(all);
      for (const p of all) {
        for (const n of s.notActions) {
          const met = actionsMeet(p, n);
          if (met === undefined) return undefined;
          met.forEach((m) => next.add(m));
        }
      }
      if (next.size > MAX_MEETS) return undefined;
      all = next;
    }
  }
  return Array.from(all);
}
