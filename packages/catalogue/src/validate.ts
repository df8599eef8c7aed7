// Schema validation: every problem in a file at once, each at the line and column of the value
// (or key) it is about, in words a first-time contributor can act on.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { schemaAt, type JsonSchema } from './schema.js';
import { keyPositionOf, positionOf, type PathSegment, type SourceFile } from './source.js';
import { closestWords } from './words.js';

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addVocabulary(['x-translatable', 'x-snippet', 'x-example']);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function parsePointer(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldName(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the entry';
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  array: 'a list',
  object: 'a map of fields',
  boolean: 'true or false',
};

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function toDiagnostic(file: SourceFile, schema: JsonSchema, error: ErrorObject): Diagnostic {
  const path = parsePointer(error.instancePath);
  const sub = schemaAt(schema, path);
  const about = sub?.description ? ` ${sub.description}` : '';
  const at = (where: { line: number; column: number }) => ({ file: file.path, line: where.line, column: where.column });

  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys(sub?.properties ?? {});
      const guess = closestWords(field, known, 1)[0];
      return {
        ...at(keyPositionOf(file, [...path, field])),
        rule: 'unknown-field',
        message: `unknown field "${field}" in ${fieldName(path)}`,
        hint: `${guess ? `did you mean "${guess}"? ` : ''}allowed fields: ${known.join(', ')}`,
      };
    }
    case 'required': {
      const field = String(error.params.missingProperty);
      const known = Object.keys(sub?.properties ?? {});
      const before = known.slice(0, known.indexOf(field)).reverse().find((k) => valueAt(file.data, [...path, k]) !== undefined);
      const fieldDoc = sub?.properties?.[field]?.description;
      return {
        ...at(positionOf(file, path)),
        rule: 'missing-field',
        message: `${fieldName(path)} has no "${field}", which is required`,
        hint: `add "${field}:"${before ? ` after "${before}"` : ''}.${fieldDoc ? ` ${fieldDoc}` : ''}`,
      };
    }
    case 'type':
      return {
        ...at(positionOf(file, path)),
        rule: 'wrong-type',
        message: `${fieldName(path)} must be ${TYPE_WORDS[String(error.params.type)] ?? error.params.type}, found ${describeValue(valueAt(file.data, path))}`,
        hint: `${sub?.['x-example'] ? `for example: ${sub['x-example']}.` : ''}${about}`.trim() || undefined,
      } as Diagnostic;
    case 'enum':
      return {
        ...at(positionOf(file, path)),
        rule: 'invalid-value',
        message: `${fieldName(path)} is ${describeValue(valueAt(file.data, path))}, which is not one of: ${(error.params.allowedValues as unknown[]).join(', ')}`,
        hint: sub?.description ?? 'use one of the listed values',
      };
    case 'pattern':
      return {
        ...at(positionOf(file, path)),
        rule: 'invalid-format',
        message: `${fieldName(path)} is ${describeValue(valueAt(file.data, path))}, which is not in the expected form`,
        hint: `${sub?.['x-example'] ? `write it like ${sub['x-example']}.` : ''}${about}`.trim(),
      };
    case 'minLength':
    case 'minItems':
      return {
        ...at(positionOf(file, path)),
        rule: 'empty-value',
        message: `${fieldName(path)} is empty`,
        hint: sub?.description ?? 'fill it in or remove the field',
      };
    case 'uniqueItems':
      return {
        ...at(positionOf(file, path)),
        rule: 'duplicate-item',
        message: `${fieldName(path)} lists the same item twice (items ${error.params.j} and ${error.params.i}, counting from 0)`,
        hint: 'remove the repeated item',
      };
    case 'minimum':
    case 'maximum':
      return {
        ...at(positionOf(file, path)),
        rule: 'out-of-range',
        message: `${fieldName(path)} is ${describeValue(valueAt(file.data, path))}; it ${error.message ?? 'is out of range'}`,
        hint: sub?.description ?? 'use a value in range',
      };
    default:
      return {
        ...at(positionOf(file, path)),
        rule: 'schema',
        message: `${fieldName(path)} ${error.message ?? 'is invalid'}`,
        hint: sub?.description ?? 'see catalogue/README.md for the fields',
      };
  }
}

/** Every schema problem, up to `limit` of them (locating each costs a walk of the file). */
export function validateAgainstSchema(file: SourceFile, schema: JsonSchema, limit = Infinity): Diagnostic[] {
  if (file.data === undefined) return [];
  const validate = validatorFor(schema);
  if (validate(file.data)) return [];
  return (validate.errors ?? []).slice(0, limit).map((error) => toDiagnostic(file, schema, error));
}
