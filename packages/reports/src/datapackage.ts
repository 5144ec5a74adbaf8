// datapackage.json: the Frictionless Data Package descriptor of the output folder, generated from the zod schemas.
import { TABLE_KEYS, TABLE_NAMES, TABLES, type TableName } from '@roundup/model';
import { z } from 'zod';

export interface TableField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date';
  description: string;
  constraints?: { required?: boolean; minimum?: number; enum?: string[] };
}

export interface TableResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  format: 'csv';
  mediatype: 'text/csv';
  /** The files start with a BOM for Excel; `utf-8` is the registered name, and readers that keep the BOM must skip it. */
  encoding: 'utf-8';
  dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
  description: string;
  schema: {
    fields: TableField[];
    primaryKey?: string[];
    foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
  };
}

interface JsonSchemaProperty {
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  description?: string;
  anyOf?: JsonSchemaProperty[];
}

/** A Frictionless field from the JSON Schema zod gives for one column. */
function fieldOf(name: string, property: JsonSchemaProperty): TableField {
  const nullable = property.anyOf?.some((option) => option.type === 'null') ?? false;
  const core = property.anyOf?.find((option) => option.type !== 'null') ?? property;
  const type = core.type === 'integer' ? 'integer' : core.type === 'number' ? 'number' : core.format === 'date' ? 'date' : 'string';
  const constraints: NonNullable<TableField['constraints']> = {};
  if (!nullable && type !== 'string' && type !== 'date') constraints.required = true;
  if (core.enum) constraints.enum = core.enum;
  if (core.minimum !== undefined && core.minimum >= 0) constraints.minimum = core.minimum;
  return { name, type, description: property.description ?? '', ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
}

/** The resource of one table; `extraNumericColumns` are comparison.csv's domain counts. */
export function tableResource(table: TableName, extraNumericColumns: readonly { name: string; description: string }[] = []): TableResource {
  const jsonSchema = z.toJSONSchema(TABLES[table]) as { properties: Record<string, JsonSchemaProperty> };
  const fields = Object.entries(jsonSchema.properties).map(([name, property]) => fieldOf(name, property));
  for (const column of extraNumericColumns)
    fields.push({ name: column.name, type: 'integer', description: column.description, constraints: { required: true, minimum: 0 } });
  const { primaryKey, description, references = [] } = TABLE_KEYS[table];
  const foreignKeys = references.map((reference) => ({
    fields: reference.fields,
    reference: { resource: reference.resource, fields: reference.resourceFields },
  }));
  if (fields.some((field) => field.name === 'article_id') && table !== 'articles')
    foreignKeys.unshift({ fields: ['article_id'], reference: { resource: 'articles', fields: ['article_id'] } });
  return {
    name: table,
    path: `${table}.csv`,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    description,
    schema: {
      // No missingValues: the default ("" is missing) is what an empty cell means here (no region, no code).
      fields,
      ...(primaryKey.length > 0 ? { primaryKey } : {}),
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    },
  };
}

/** The whole descriptor for an output folder. */
export function dataPackage(options: { version: string; created: Date; domains: readonly { id: string; en: string; zh: string }[] }) {
  const tables = TABLE_NAMES;
  return {
    profile: 'tabular-data-package',
    name: 'roundup-output',
    title: 'Regional measures extracted from news roundups',
    description:
      "Tables written by roundup: articles, their regional sections, figures, places, programmes and measures, a comparison by region (counts and largest figures, never sums across articles) each roundup's own totals by region, and programmes grouped across regions and time.",
    version: options.version,
    created: options.created.toISOString(),
    resources: tables.map((table) =>
      tableResource(
        table,
        table === 'comparison'
          ? options.domains.map((domain) => ({ name: `domain_${domain.id}`, description: `measures in the policy domain ${domain.en} (${domain.zh})` }))
          : [],
      ),
    ),
  };
}
