/** A GraphQL request as raw HTTP: the status matters, and a body may be anything a client can send. */
export interface RawResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
  text: string;
}

/** Posts `body` as is when it is a string (malformed JSON, lone surrogates), as JSON otherwise. */
export async function postRaw(url: string, body: string | object, token?: string): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: RawResponse['body'];
  try {
    parsed = JSON.parse(text) as RawResponse['body'];
  } catch {
    parsed = { errors: [{ message: `Not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body: parsed, text };
}
