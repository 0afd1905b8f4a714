import { PolicyDocument } from '../../policy';
import { ACKNOWLEDGEMENTS_KEY, XACCOUNT_METADATA_KEY } from '../../private/metadata-keys';
import { AnalysisInputError } from '../analysis-input-error';
import { GraphAcknowledgement } from '../graph-model';
import { ProviderAccounts, providerAccounts } from './provider-accounts';
import { isObject, JsonObject, RawStack, shapeOf } from './synth-reader';

const REFERENCE = /^\$\{([a-z0-9_]+)\.([^.}]+)\.([a-z0-9_]+)\}$/;

/** Reads one stack's resources, resolving `${type.name.attr}` references within the stack. */
export class StackReader {
  private readonly resources: { [type: string]: { [name: string]: JsonObject } };
  /** References resolved from the top (see `text`), by their text. */
  private readonly resolved = new Map<string, string | undefined>();
  /** The accounts of the stack's providers, and of each resource through its provider. */
  public readonly providers: ProviderAccounts;

  constructor(private readonly raw: RawStack) {
    const resources = raw.json.resource ?? {};
    if (!isObject(resources)) this.fail(`resource ${shapeOf(resources)}, expected an object`);
    // By keys, not entries: 25,000 resources at N = 5,000, and a pair for each was garbage at once.
    for (const type of Object.keys(resources)) {
      const byName = resources[type];
      if (!isObject(byName)) this.fail(`resource.${type} ${shapeOf(byName)}, expected an object`);
      for (const name of Object.keys(byName)) {
        if (!isObject(byName[name])) this.fail(`resource.${type}.${name} ${shapeOf(byName[name])}, expected an object`);
      }
    }
    this.resources = resources as { [type: string]: { [name: string]: JsonObject } };
    this.providers = providerAccounts(raw, (problem) => this.fail(problem));
  }

  /** The stack's name. */
  public get stackName(): string {
    return this.raw.name;
  }

  /** The stack's `cdk.tf.json`. */
  public get file(): string {
    return this.raw.file;
  }

  public fail(problem: string): never {
    throw new AnalysisInputError(this.raw.file, problem);
  }

  /** Calls `visit` with each resource of the type, by name (keys, not entries: no pair per resource). */
  public each(type: string, visit: (name: string, body: JsonObject) => void): void {
    const byName = this.resources[type];
    if (byName === undefined) return;
    for (const name of Object.keys(byName)) visit(name, byName[name]);
  }

  /** The account a resource's calls go to: that of its provider. */
  public accountOf(type: string, name: string, body: JsonObject): string | undefined {
    // Most resources name no provider, so use the default one's account: no place to spell out for an error.
    if (body.provider === undefined) return this.providers.defaultAccount;
    return this.providers.accountOf(body, `resource.${type}.${name}`);
  }

  /** A list of strings attribute (such as `user_names`), references followed; unknown entries left out. */
  public texts(type: string, name: string, attribute: string, body: JsonObject): string[] {
    const value = body[attribute];
    if (value === undefined) return [];
    const where = `${type}.${name}.${attribute}`;
    if (!Array.isArray(value)) this.fail(`resource.${where} ${shapeOf(value)}, expected an array`);
    return value.flatMap((v, i) => {
      if (typeof v !== 'string') this.fail(`resource.${where}[${i}] ${shapeOf(v)}, expected a string`);
      const text = this.resolve(v, () => where, 0);
      return text === undefined ? [] : [text];
    });
  }

  /** The entries of a list of strings attribute that are Terraform values the output does not resolve. */
  public unresolvedTexts(type: string, name: string, attribute: string, body: JsonObject): string[] {
    const value = body[attribute];
    if (!Array.isArray(value)) return [];
    const where = `${type}.${name}.${attribute}`;
    return value.filter((v): v is string => typeof v === 'string' && this.resolve(v, () => where, 0) === undefined);
  }

  /** A string attribute, following references to other resources of the stack; undefined when unknown. */
  public text(type: string, name: string, attribute: string, body?: JsonObject, seen = 0): string | undefined {
    const value = (body ?? this.resources[type]?.[name])?.[attribute];
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      this.fail(`resource.${type}.${name}.${attribute} ${shapeOf(value)}, expected a string`);
    // Most values are literals: the place is spelled out only for a reference (and its error messages).
    if (!value.includes('${')) return value;
    // A reference is resolved once per stack (a role's name is referenced by each of its attachments); only
    // from the top, where resolving it cannot meet the depth limit sooner than it did the first time.
    if (seen > 0) return this.resolve(value, () => `${type}.${name}.${attribute}`, seen);
    if (this.resolved.has(value)) return this.resolved.get(value);
    const resolved = this.resolve(value, () => `${type}.${name}.${attribute}`, seen);
    this.resolved.set(value, resolved);
    return resolved;
  }

  /** A value with references followed; `where` names its place for the error messages. */
  private resolve(value: string, where: () => string, seen: number): string | undefined {
    if (!value.startsWith('${')) return value.includes('${') ? undefined : value; // most values are literals
    const reference = REFERENCE.exec(value);
    if (!reference) return undefined;
    const [, refType, refName, refAttribute] = reference;
    if (refType === 'data' || refType === 'var' || refType === 'local') return undefined;
    if (!Object.prototype.hasOwnProperty.call(this.resources[refType] ?? {}, refName)) {
      this.fail(`unknown resource reference "${value}" in ${where()}`);
    }
    if (seen > 20) this.fail(`reference loop at "${value}" in ${where()}`);
    return this.text(refType, refName, refAttribute, undefined, seen + 1);
  }

  public path(type: string, name: string, body?: JsonObject): string {
    const meta = (body ?? this.resources[type]?.[name])?.['//'];
    const path = isObject(meta) && isObject(meta.metadata) ? meta.metadata.path : undefined;
    if (path !== undefined && typeof path !== 'string') {
      this.fail(`resource.${type}.${name}.//.metadata.path ${shapeOf(path)}, expected a string`);
    }
    return path ?? `${this.raw.name}/${name}`;
  }

  /**
   * A policy document attribute. Terraform expressions inside it (such as a role ARN from a variable)
   * stay opaque strings in the parsed document; only a document that is wholly an expression is unknown.
   */
  public document(type: string, name: string, attribute: string, body?: JsonObject): PolicyDocument {
    const raw = (body ?? this.resources[type]?.[name])?.[attribute];
    const text = typeof raw === 'string' && raw.startsWith('${') ? this.text(type, name, attribute, body) : raw;
    if (typeof text !== 'string') {
      this.fail(
        `resource.${type}.${name}.${attribute} ${raw === undefined ? 'is missing' : 'is not a literal policy document'}`,
      );
    }
    try {
      return PolicyDocument.fromJson(text);
    } catch (e) {
      const first = (e as Error).message.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ');
      return this.fail(`resource.${type}.${name}.${attribute} is not a valid policy (${first})`);
    }
  }

  public acknowledgements(): GraphAcknowledgement[] {
    const at = `//.${XACCOUNT_METADATA_KEY}.${ACKNOWLEDGEMENTS_KEY}`;
    const comment = isObject(this.raw.json['//']) ? this.raw.json['//'] : {};
    const ours = isObject(comment[XACCOUNT_METADATA_KEY]) ? comment[XACCOUNT_METADATA_KEY] : {};
    const list = ours[ACKNOWLEDGEMENTS_KEY] ?? [];
    if (!Array.isArray(list)) this.fail(`${at} ${shapeOf(list)}, expected an array`);
    return list.map((a: unknown, i: number) => {
      if (!isObject(a)) return this.fail(`${at}[${i}] ${shapeOf(a)}, expected an object`);
      const field = (name: string, required: boolean): string | undefined => {
        const value = a[name];
        if (value === undefined && !required) return undefined;
        if (typeof value !== 'string') this.fail(`${at}[${i}].${name} ${shapeOf(value)}, expected a string`);
        return value;
      };
      return {
        stack: this.raw.name,
        path: field('path', true)!,
        findingId: field('findingId', true)!,
        reason: field('reason', true)!,
        ...(a.fingerprint !== undefined ? { fingerprint: field('fingerprint', false) } : {}),
        ...(a.content !== undefined ? { content: field('content', false) } : {}),
      };
    });
  }
}
