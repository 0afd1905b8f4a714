import { IResolvable, IResolveContext, TerraformResource, TerraformStack, Token } from './framework';

/**
 * A reference to a resource of the same stack (`<type>.<name>.<attribute>`, or the bare address for
 * `depends_on`) that resolves to exactly what cdktf's own reference would, but without the creation
 * stack trace cdktf captures for each reference token (under ts-node every frame of it is
 * source-mapped: most of a large synthesis, docs/benchmarks.md). Resolved from another stack, or for
 * a resource with `for_each`, it hands over to cdktf's reference, which handles both.
 */
class SameStackReference implements IResolvable {
  public readonly creationStack: string[] = [];
  private handedOver?: string;

  /** `attribute` undefined: the resource's address, as `depends_on` takes it. */
  constructor(
    private readonly resource: TerraformResource,
    private readonly attribute?: string,
  ) {}

  public resolve(context: IResolveContext): string {
    if (this.resource.forEach !== undefined || TerraformStack.of(context.scope) !== TerraformStack.of(this.resource)) {
      if (this.attribute === undefined) context.suppressBraces = true;
      // Made once, so that what cdktf notes while preparing a cross-stack reference stays with it.
      this.handedOver ??=
        this.attribute === undefined ? this.resource.fqn : this.resource.getStringAttribute(this.attribute);
      return this.handedOver;
    }
    const suppressBraces = context.suppressBraces;
    context.suppressBraces = true;
    const address = `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}`;
    if (this.attribute === undefined) return address;
    return suppressBraces ? `${address}.${this.attribute}` : `\${${address}.${this.attribute}}`;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/** `resource.<attribute>` (e.g. `roleName` as `role_name`) as a string token without a creation stack trace. */
export function attributeReference(resource: TerraformResource, attribute: string): string {
  return Token.asString(new SameStackReference(resource, attribute));
}

/** The `depends_on` entry for `resource`, like cdktf's `dependable()`, without a creation stack trace. */
export function dependencyOn(resource: TerraformResource): string {
  return Token.asString(new SameStackReference(resource));
}
