import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { HttpConventionException, HttpExceptionCode } from '../http.exception.js';
import { fieldErrorsFrom } from './zod-issues.js';

/** Validates a body, query or parameter with a zod schema and hands the parsed value to the handler. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<Schema> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const errors = fieldErrorsFrom(parsed.error.issues);
    const where = metadata.type === 'custom' ? 'request' : `request ${metadata.type}`;
    const fields = [...new Set(errors.map((error) => error.field))].join(', ');
    throw new HttpConventionException(
      HttpExceptionCode.ValidationFailed,
      `The ${where} has invalid fields: ${fields}.`,
      errors,
    );
  }
}
