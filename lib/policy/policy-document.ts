import { RamLimits } from './limits';
import { PolicyStatement } from './policy-statement';
import { canonicalStatements } from './private/canonical';
import { parsePolicyDocument } from './private/parse';

/**
 * A RAM policy document: a permission policy or a role's trust policy.
 *
 * Its JSON is canonical: statements merged, de-duplicated and sorted; actions and resources
 * sorted and written as a string when there is one; `Principal` values always arrays; keys in
 * alphabetical order at every level (`Statement` before `Version`), which is how RAM returns
 * documents, so a refreshed plan shows no diff. The same access always gives byte-identical text.
 */
export class PolicyDocument {
  /**
   * Parses a hand-written document (string or array forms) and checks it against the RAM grammar:
   * `Version` must be "1"; statements take only `Effect`, `Action`/`NotAction`, `Resource`,
   * `Principal` and `Condition` (ram-policy-reference §1.1-§1.2; `Sid` and `NotResource` are refused);
   * condition operators must be documented ones (§1.5). Throws one error listing every problem.
   */
  public static fromJson(json: string): PolicyDocument {
    return new PolicyDocument(parsePolicyDocument(json));
  }

  private readonly _statements: PolicyStatement[];
  // Statements are immutable and only ever appended, so results keyed by the statement count stay
  // valid until the next addStatements: a construct checks, validates at synth and renders the same
  // document, and canonical merging is the costly part of each.
  private memo?: Map<string, { count: number; value: unknown }>;
  /** The `statements` snapshot and the count it was taken at: read per request, so kept out of the map. */
  private snapshot?: PolicyStatement[];
  private snapshotCount = -1;

  constructor(statements: PolicyStatement[] = []) {
    this._statements = [...statements];
  }

  /** Adds statements; the document stays canonical whatever order they come in. */
  public addStatements(...statements: PolicyStatement[]): void {
    this._statements.push(...statements);
  }

  /** The statements as added (before canonical merging): a frozen snapshot, shared until the next `addStatements`. */
  public get statements(): PolicyStatement[] {
    // Fields, not the memo map: the evaluator reads this per request, and most documents are only ever read so.
    if (this.snapshot === undefined || this.snapshotCount !== this._statements.length) {
      this.snapshot = Object.freeze([...this._statements]) as PolicyStatement[];
      this.snapshotCount = this._statements.length;
    }
    return this.snapshot;
  }

  /** True when the document has no statements. */
  public get isEmpty(): boolean {
    return this._statements.length === 0;
  }

  /** The canonical document as an object: `{"Statement": [...], "Version": "1"}`. */
  public toJson(): { [key: string]: unknown } {
    return JSON.parse(this.toJsonString());
  }

  /** The canonical document as compact JSON: what goes into Terraform. */
  public toJsonString(): string {
    return this.remember('json', () =>
      JSON.stringify({ Statement: canonicalStatements(this._statements.map((s) => s.toJson())), Version: '1' }),
    );
  }

  /** The canonical document indented by two spaces, for docs and reviews. */
  public toPrettyJsonString(): string {
    return JSON.stringify(this.toJson(), undefined, 2);
  }

  /** Problems for use as a custom (identity) policy, including the 6,144-byte limit (UTF-8). */
  public validateForIdentityPolicy(): string[] {
    return [...this.remember('identity', () => this.withSize(this.collect((s) => s.validateForIdentityPolicy())))];
  }

  /** Problems for use as a role's trust policy. */
  public validateForTrustPolicy(): string[] {
    // The trust document limit is not documented (§1.8, UNCONFIRMED): the custom-policy limit is the bound.
    return [...this.remember('trust', () => this.withSize(this.collect((s) => s.validateForTrustPolicy())))];
  }

  private remember<T>(key: string, compute: () => T): T {
    const hit = this.memo?.get(key);
    if (hit && hit.count === this._statements.length) return hit.value as T;
    const value = compute();
    (this.memo ??= new Map()).set(key, { count: this._statements.length, value });
    return value;
  }

  private collect(check: (statement: PolicyStatement) => string[]): string[] {
    if (this._statements.length === 0) {
      return ['policy document has no statements (add at least one)'];
    }
    return this._statements.flatMap((statement, index) =>
      check(statement).map((problem) => `statement ${index + 1} of ${this._statements.length}: ${problem}`),
    );
  }

  /**
   * The statement problems, or when there are none, the size problem: a malformed document has no
   * meaningful size. The size is counted in UTF-8 bytes, the stricter reading of RAM's limit (see
   * `RamLimits.POLICY_DOCUMENT_MAX_LENGTH`); for ASCII documents bytes and characters are the same.
   */
  private withSize(problems: string[]): string[] {
    if (problems.length > 0) return problems;
    const text = this.toJsonString();
    const bytes = utf8Length(text);
    const max = RamLimits.POLICY_DOCUMENT_MAX_LENGTH;
    if (bytes <= max) return [];
    const n = (value: number) => value.toLocaleString('en-US');
    const characters = bytes === text.length ? '' : ` (${n(text.length)} characters)`;
    return [
      `policy document is ${n(bytes)} bytes in UTF-8${characters}, ${n(bytes - max)} over ` +
        `the ${n(max)}-byte limit of a custom policy (RAM says 6,144 "characters", older documents and the ` +
        'Terraform provider say bytes: the stricter reading is enforced; split it into several policies)',
    ];
  }
}

/** The length of a string in UTF-8 bytes, without Node's Buffer (the policy model runs anywhere). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
