import { createFormatError } from './format-error';

describe('formatError', () => {
  const boom = {
    message: 'relation "users" does not exist',
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x.ts:1'] },
  };

  it('masks unknown errors and drops stack traces in production', () => {
    expect(createFormatError(true)(boom)).toEqual({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps the message for developers', () => {
    expect(createFormatError(false)(boom).message).toBe(boom.message);
  });

  it('maps codes outside the contract onto it', () => {
    const format = createFormatError(true);
    expect(
      format({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })
        .extensions,
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'x',
    });
    expect(format({ message: 'weird', extensions: { code: 'SOMETHING_ELSE' } }).extensions?.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    expect(format({ message: 'no code' }).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('names the field of a bad variable', () => {
    const message =
      'Variable "$input" got invalid value 3 at "input.email"; String cannot represent a non string value: 3';
    expect(createFormatError(true)({ message, extensions: { code: 'BAD_USER_INPUT' } }).extensions?.field).toBe(
      'input.email',
    );
  });

  it('drops what the gateway noted of a failed subgraph call (its URL and body) in production', () => {
    const failed = {
      message: '502: Bad Gateway',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        serviceName: 'network',
        response: { url: 'http://10.0.0.7:4002/graphql', status: 502, body: 'upstream says no' },
      },
    };
    expect(createFormatError(true)(failed)).toEqual({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
