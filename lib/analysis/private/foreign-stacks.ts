import { isObject, RawStack } from './synth-reader';

/** Whether a JSON section (`provider`, `resource`, `data`, `required_providers`) has a key of that provider. */
function names(section: unknown, provider: string): boolean {
  return isObject(section) && Object.keys(section).some((key) => key === provider || key.startsWith(`${provider}_`));
}

/** Whether a stack declares the provider or has any of its resources or data sources. */
function uses(raw: RawStack, provider: string): boolean {
  const json = raw.json;
  const terraform = isObject(json.terraform) ? json.terraform : {};
  return (
    ['provider', 'resource', 'data'].some((k) => names(json[k], provider)) ||
    names(terraform.required_providers, provider)
  );
}

/**
 * Splits the stacks into those the analysis reads and one-line notes on the UCloud ones: a stack with
 * nothing of the Alibaba Cloud provider and something of UCloud's (scenario 0's accessor stack) has
 * nothing the RAM evaluator could judge, so it is left out with a note rather than failing the run.
 * A stack with anything of alicloud is always read, UCloud resources or not: leaving it out would
 * hide its RAM access.
 */
export function withoutUCloudStacks(raws: RawStack[]): { analysed: RawStack[]; notes: string[] } {
  const analysed: RawStack[] = [];
  const notes: string[] = [];
  for (const raw of raws) {
    if (!uses(raw, 'ucloud')) analysed.push(raw);
    else if (uses(raw, 'alicloud')) {
      analysed.push(raw);
      notes.push(
        `stack "${raw.name}": its UCloud (ucloud/ucloud) resources are not analysed; its Alibaba Cloud ones are`,
      );
    } else {
      notes.push(
        `stack "${raw.name}" is a UCloud (ucloud/ucloud) stack: not analysed, this report covers Alibaba Cloud RAM only`,
      );
    }
  }
  return { analysed, notes };
}
