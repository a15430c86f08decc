import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ErrorCode } from './errors';

// Codes Apollo Server and the gateway raise for a malformed request: all of them are the client's input.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** `Variable "$input" got invalid value ... at "input.email"` → `input.email`. */
function fieldFromMessage(message: string): string {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1];
  const variable = /Variable "\$(\w+)"/.exec(message);
  if (variable) return variable[1];
  const field = /(?:field|argument) "([^"]+)"/i.exec(message);
  return field ? field[1] : 'query';
}

/**
 * Maps every error onto the contract's codes, in one place for every app. Unknown errors become
 * INTERNAL_SERVER_ERROR, their message hidden in production; stack traces and what a subgraph
 * answered never leave in production.
 */
export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const extensions = { ...(formatted.extensions ?? {}) };
    let code = typeof extensions.code === 'string' ? extensions.code : ErrorCode.INTERNAL_SERVER_ERROR;
    let message = formatted.message;
    if (REQUEST_ERROR_CODES.has(code)) code = ErrorCode.BAD_USER_INPUT;
    if (!ERROR_CODES.has(code)) code = ErrorCode.INTERNAL_SERVER_ERROR;
    if (code === ErrorCode.BAD_USER_INPUT && typeof extensions.field !== 'string') {
      extensions.field = fieldFromMessage(message);
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && production) message = 'Internal server error.';
    // With introspection off, "Did you mean …" (a field, an argument, an enum value) would still
    // spell out the schema, from a validation error or a variable's.
    if (production) message = message.replace(/ ?Did you mean .+\?$/, '');
    if (production) {
      delete extensions.stacktrace;
      delete extensions.exception;
      // The gateway's note of a failed subgraph call: the subgraph's URL, status and raw body.
      delete extensions.response;
      delete extensions.serviceName;
    }
    return { ...formatted, message, extensions: { ...extensions, code } };
  };
}
