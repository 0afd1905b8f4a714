import { TerraformElement, TerraformStack } from './framework';
import { Node } from 'constructs';

/**
 * A replacement for `TerraformStack.allocateLogicalId` that gives readable, hash-free Terraform names:
 * the construct path below the stack, joined by `_` (`alicloud_ram_role.partner-log-writer_role`).
 * Two constructs that would get the same name are an error naming both. Construct ids are part of a
 * stack's contract: a rename moves a resource (use `moveTo`) instead of replacing it silently.
 *
 * Assigned, not declared as an override: jsii 5.9 rejects the override (JSII5006: it compares the
 * members of the parameter's union type `Node | TerraformElement` in declaration order).
 */
export function readableLogicalIds(stack: TerraformStack): (element: Node | TerraformElement) => string {
  const logicalIds = new Map<string, string>();
  return (element) => {
    const node = TerraformElement.isTerraformElement(element) ? element.node : (element as Node);
    const components = node.scopes
      .slice(node.scopes.indexOf(stack) + 1)
      .map((c) => c.node.id)
      .filter((c) => c !== 'Default' && c !== 'Resource');
    const sanitized = components.join('_').replace(/[^A-Za-z0-9_-]/g, '_');
    const logicalId = /^[A-Za-z_]/.test(sanitized) ? sanitized : `_${sanitized}`;
    const earlier = logicalIds.get(logicalId);
    if (earlier !== undefined && earlier !== node.path) {
      throw new Error(
        `${node.path}: Terraform name "${logicalId}" is already used by ${earlier} (rename one of the constructs)`,
      );
    }
    logicalIds.set(logicalId, node.path);
    return logicalId;
  };
}
