// Calls to Herald's REST API with the browser's login (the one that opened the console).
// Errors become ApiError, carrying the problem detail (RFC 9457) the API answers with.

export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.body = body;
  }
}

/**
 * The address of a path on this server, from the page's origin: a page opened with a login in its
 * address (http://user:password@host/...) would otherwise resolve relative paths to addresses
 * with that login, which fetch and EventSource refuse.
 */
export function url(path) {
  return new URL(path, location.origin).href;
}

async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url(path), init);
  } catch (e) {
    throw new ApiError(0, 'Herald did not answer', 'the server cannot be reached; is it running?');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const title = (json && json.title) || `HTTP ${response.status}`;
    const detail = (json && json.detail) || '';
    throw new ApiError(response.status, title, detail, json);
  }
  return json;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body === undefined ? undefined : body),
  del: (path) => request('DELETE', path),
};

/** Readiness answers 503 with its checks when something is down: both are an answer here. */
export async function readiness() {
  try {
    const response = await fetch(url('/health/ready'), { headers: { Accept: 'application/json' } });
    return await response.json();
  } catch (e) {
    return { status: 'UNKNOWN', checks: [], error: 'the server cannot be reached' };
  }
}
