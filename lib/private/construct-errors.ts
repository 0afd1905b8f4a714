import { IConstruct } from 'constructs';
import { ValidationError } from '../policy/private/validation-error';

/**
 * Throws one error that lists every problem, each prefixed with the construct path, in the form
 * `<path>: <what> "<value>" <why> (<rule>)`. Called while the construct is created, so both
 * `Testing.synthScope` and `cdktf synth` report bad literal input.
 */
export function throwIfInvalid(scope: IConstruct, problems: string[]): void {
  if (problems.length === 0) return;
  const path = scope.node.path;
  throw new ValidationError(problems.map((problem) => `${path}: ${problem}`).join('\n'));
}
