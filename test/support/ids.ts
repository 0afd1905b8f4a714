// Account IDs and a helper shared by all tests; free of cdktf, so the policy model's tests load fast.

/** The account that owns the roles. */
export const OWNER = '1111222233334444';
/** The partner account that assumes them. */
export const PARTNER = '5555666677778888';
/** A third account. */
export const OTHER = '9999000011112222';

/** The message of the error `fn` throws; fails the test when it throws none. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
