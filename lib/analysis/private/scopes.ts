// Where the builder keeps RAM names: by scope (an account, or the stack of an account the output does not say).

/**
 * Where a RAM name is unique: its account (names are unique per account, whichever stacks write them, so
 * one account's resources split over several stacks are joined), or, when the output does not say whose
 * it is, its stack (two stacks of unknown accounts may be two accounts).
 */
export function scopeOf(stack: string, accountId: string | undefined): string {
  return accountId ?? `\u0001${stack}`;
}

/** Whether a scope is a stack's whose account the output does not say (`scopeOf` with no account). */
export function isUnknownScope(scope: string): boolean {
  return scope.startsWith('\u0001');
}

/** The stack of a scope for which `isUnknownScope` holds. */
export function stackOfUnknownScope(scope: string): string {
  return scope.slice(1);
}

/** The key of a user's, group's or role's possible holdings. */
export function holderKey(kind: 'user' | 'group' | 'role', scope: string, name: string): string {
  return `${kind}\u0000${scope}\u0000${name}`;
}

/** The scope of a `holderKey`. */
export function scopeOfHolderKey(key: string): string {
  return key.split('\u0000')[1];
}

/**
 * Values by scope and name, kept in the order their keys were first set, as a map keyed by one string would
 * keep them, without making that string for every lookup (tens of thousands at N = 5,000).
 */
export class ByScopeAndName<V> {
  private readonly byScope = new Map<string, Map<string, number>>();
  private readonly list: V[] = [];

  public get(scope: string, name: string): V | undefined {
    const at = this.byScope.get(scope)?.get(name);
    return at === undefined ? undefined : this.list[at];
  }

  /** Sets the value of a key not set before. */
  public add(scope: string, name: string, value: V): void {
    let names = this.byScope.get(scope);
    if (names === undefined) this.byScope.set(scope, (names = new Map()));
    names.set(name, this.list.length);
    this.list.push(value);
  }

  /** The values in the order their keys were first set. */
  public values(): V[] {
    return this.list;
  }

  /** The values of one scope, in that order. */
  public inScope(scope: string): V[] {
    return Array.from(this.byScope.get(scope)?.values() ?? [], (at) => this.list[at]);
  }

  /** The scopes that hold a value. */
  public scopes(): string[] {
    return Array.from(this.byScope.keys());
  }
}
