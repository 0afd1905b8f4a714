import { IResolvable, IResolveContext, Token } from './framework';

/**
 * A string token whose value is produced when the app is synthesized, like `Lazy.stringValue`, but
 * without the creation stack trace that `Lazy` captures for every token: under ts-node each capture
 * is source-mapped frame by frame, which made it the largest cost of synthesizing many roles
 * (docs/benchmarks.md). The stack is only shown when a token fails to resolve; producing a policy
 * document does not fail that way.
 */
class ProducedString implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly produce: () => string) {}

  public resolve(_context: IResolveContext): string {
    return this.produce();
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** A token for a string that is produced at synthesis, e.g. a policy document that may still grow. */
export function producedString(produce: () => string): string {
  return Token.asString(new ProducedString(produce));
}
