/** A signed-in user, as GET /api/auth/me describes it. */
export interface CurrentUser {
  userName: string;
  displayName: string | null;
  roles: string[];
  customerId: string | null;
  /** What people read for each of the user's business roles (roles process owners created). */
  roleLabels: Record<string, string>;
}

/**
 * An API answer other than 2xx; `title` is the problem's detail or title when the server sent problem details,
 * `problem` the whole problem document (e.g. its `diagnostics`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly problem?: Record<string, unknown>,
  ) {
    super(`${status} ${title}`);
    this.name = 'ApiError';
  }
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
  };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  return ensureOk(await fetch(url, init));
}

/** Sends (or fetches) a document that is not JSON, such as BPMN XML; the answer may still be JSON. */
export async function sendText(method: 'GET' | 'POST', url: string, body?: string, contentType = 'application/xml'): Promise<Response> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json, application/xml' } : { Accept: 'application/json', 'Content-Type': contentType },
  };
  if (body !== undefined) {
    init.body = body;
  }
  return ensureOk(await fetch(url, init));
}

async function ensureOk(response: Response): Promise<Response> {
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(response.status, problemTitle(problem, response), problem);
  }
  return response;
}

async function problemOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const problem: unknown = await response.json();
    return typeof problem === 'object' && problem !== null ? (problem as Record<string, unknown>) : undefined;
  } catch {
    // Not a problem-details body (an empty 401 or 403): the status text says enough.
    return undefined;
  }
}

function problemTitle(problem: Record<string, unknown> | undefined, response: Response): string {
  if (typeof problem?.detail === 'string' && problem.detail) {
    return problem.detail;
  }
  if (typeof problem?.title === 'string' && problem.title) {
    return problem.title;
  }
  return response.statusText || `HTTP ${response.status}`;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await send('GET', url)).json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return (await (await send('POST', url, body)).json()) as T;
}

export async function putJson<T>(url: string, body: unknown): Promise<T> {
  return (await (await send('PUT', url, body)).json()) as T;
}

export const auth = {
  me: () => getJson<CurrentUser>('/api/auth/me'),
  login: (userName: string, password: string) => postJson<CurrentUser>('/api/auth/login', { userName, password }),
  logout: async () => {
    await send('POST', '/api/auth/logout');
  },
};
