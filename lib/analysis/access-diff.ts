import { AccessGraph } from './access-graph';
import { Decision } from './decision';

/** One fact of access that a change added or removed. */
interface Fact {
  readonly text: string;
  /** True when gaining this fact means more access (an Allow); false for a Deny. */
  readonly grants: boolean;
}

function factsOf(graph: AccessGraph): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const add = (text: string, grants: boolean) => facts.set(text, { text, grants });
  for (const role of graph.roles) {
    for (const r of graph.assumersOf(role).filter((a) => a.decision === Decision.ALLOW)) {
      add(`${r.principal} can assume ${role.arn}${r.conditions ? ` when ${r.conditions}` : ''}`, true);
    }
    for (const p of graph.permissionsOf(role)) {
      const when = p.conditions ? ` when ${p.conditions}` : '';
      p.allowed.forEach((a) => add(`${role.arn} may ${a} on ${p.resource}${when}`, true));
      p.denied.forEach((a) => add(`${role.arn} is denied ${a} on ${p.resource}${when}`, false));
    }
  }
  return facts;
}

/**
 * Access added and removed between two synthesized outputs (base and head of a pull request): who
 * gained or lost the ability to assume which role, and which permissions a role gained or lost.
 */
export class AccessDiff {
  /** Compares two graphs. */
  public static between(base: AccessGraph, head: AccessGraph): AccessDiff {
    return new AccessDiff(factsOf(base), factsOf(head));
  }

  /** Facts true in head but not in base, sorted. */
  public readonly added: string[];
  /** Facts true in base but not in head, sorted. */
  public readonly removed: string[];
  /** `access broadened`, `access narrowed`, `access broadened and narrowed` or `no change in access`. */
  public readonly verdict: string;

  private constructor(base: Map<string, Fact>, head: Map<string, Fact>) {
    const added = Array.from(head.values()).filter((f) => !base.has(f.text));
    const removed = Array.from(base.values()).filter((f) => !head.has(f.text));
    this.added = added.map((f) => f.text).sort();
    this.removed = removed.map((f) => f.text).sort();
    const broadened = added.some((f) => f.grants) || removed.some((f) => !f.grants);
    const narrowed = removed.some((f) => f.grants) || added.some((f) => !f.grants);
    this.verdict =
      broadened && narrowed
        ? 'access broadened and narrowed'
        : broadened
          ? 'access broadened'
          : narrowed
            ? 'access narrowed'
            : 'no change in access';
  }

  /** True when the change gives anyone more access. */
  public get broadens(): boolean {
    return this.verdict.startsWith('access broadened');
  }

  /** Markdown for a pull-request comment, verdict first. */
  public toMarkdown(): string {
    const out = [`## Cross-account access: ${this.verdict}`, ''];
    if (this.broadens) out.push('> **This change broadens access.** Review the added lines before merging.', '');
    const list = (title: string, sign: string, items: string[]) => {
      out.push(`### ${title} (${items.length})`, '');
      out.push(...(items.length > 0 ? ['```diff', ...items.map((i) => `${sign} ${i}`), '```'] : ['None.']), '');
    };
    list('Access added', '+', this.added);
    list('Access removed', '-', this.removed);
    return out.join('\n');
  }
}
