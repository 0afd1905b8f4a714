import * as fs from 'fs';
import { AnalysisInputError } from '../analysis/analysis-input-error';

/** Recorded CLI output that cannot be adopted: the message names the file and the JSON path of the field. */
export class AdoptInputError extends AnalysisInputError {
  constructor(file: string, problem: string) {
    super(file, problem);
    this.name = 'AdoptInputError';
  }
}

/**
 * One recorded output of the `aliyun` CLI (one call, one file), read field by field: every accessor
 * names the JSON path of what it reads, so a missing or mistyped field is one error naming file and path.
 */
export class RecordedFile {
  /** Reads and parses a file; `command` is the CLI call that prints it, for the error message. */
  public static read(file: string, command: string): RecordedFile {
    if (!fs.existsSync(file)) {
      throw new AdoptInputError(file, `is missing (record it with \`${command} > ${baseName(file)}\`)`);
    }
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new AdoptInputError(file, `is not JSON (${(e as Error).message}); record the output of \`${command}\``);
    }
    return new RecordedFile(file, json, '');
  }

  private constructor(
    public readonly file: string,
    private readonly value: unknown,
    public readonly path: string,
  ) {}

  /** The object at `key` (a required field). */
  public object(key: string): RecordedFile {
    const value = this.field(key);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(key, 'is not an object');
    return new RecordedFile(this.file, value, this.join(key));
  }

  /** The array at `key`, element by element; a missing array is empty only when `optional`. */
  public list(key: string, optional = false): RecordedFile[] {
    const value = this.own()[key];
    if (value === undefined && optional) return [];
    const list = this.field(key);
    if (!Array.isArray(list)) this.fail(key, 'is not an array');
    return (list as unknown[]).map((item, i) => new RecordedFile(this.file, item, `${this.join(key)}[${i}]`));
  }

  /** The string at `key` (a required field, non-empty). */
  public string(key: string): string {
    const value = this.field(key);
    if (typeof value !== 'string' || value === '') this.fail(key, 'is not a non-empty string');
    return value as string;
  }

  /** The string at `key`, or undefined when absent or empty (RAM prints "" for an unset description). */
  public optionalString(key: string): string | undefined {
    const value = this.own()[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') this.fail(key, 'is not a string');
    return value as string;
  }

  /** The number at `key`, or undefined when absent. */
  public optionalNumber(key: string): number | undefined {
    const value = this.own()[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(key, 'is not an integer');
    return value as number;
  }

  /** The boolean at `key`, or undefined when absent. */
  public optionalBoolean(key: string): boolean | undefined {
    const value = this.own()[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(key, 'is not true or false');
    return value as boolean;
  }

  /** Throws the one error for the field at `key` of this object. */
  public fail(key: string, problem: string): never {
    throw new AdoptInputError(this.file, `${this.join(key)} ${problem}`);
  }

  private own(): { [key: string]: unknown } {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      throw new AdoptInputError(this.file, `${this.path || 'the top level'} is not an object`);
    }
    return this.value as { [key: string]: unknown };
  }

  private field(key: string): unknown {
    const value = this.own()[key];
    if (value === undefined) this.fail(key, 'is missing');
    return value;
  }

  private join(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() as string;
}
