/** The published JSON Schema of the report contract, generated from the code's own zod schema. */
import { z } from 'zod';
import { CaseAnalysisSchema, SCHEMA_VERSION } from '../model/index.js';

export const SCHEMA_FILE = 'schema/case-analysis.schema.json';

export function caseAnalysisJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(CaseAnalysisSchema) as Record<string, unknown>;
  return {
    $schema,
    title: 'Plateau CaseAnalysis',
    description:
      `Plateau report contract, schemaVersion ${SCHEMA_VERSION}. Every evidence item is {file, page, start, end, quote} ` +
      'with quote equal to the file text from start to end (UTF-16 offsets into the whole text, page 1-based). ' +
      'Generated from CaseAnalysisSchema by `npm run schema`; do not edit by hand.',
    ...rest,
  };
}

/** The schema file's exact content (2-space indent, trailing newline). */
export function renderJsonSchema(): string {
  return `${JSON.stringify(caseAnalysisJsonSchema(), null, 2)}\n`;
}
