/** A signed-in user, as GET /api/auth/me describes it. */
export interface CurrentUser {
  userName: string;
  displayName: string | null;
  roles: string[];
  customerId: string | null;
}

/** An API answer other than 2xx; `title` is the problem's title when the server sent problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
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
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new ApiError(response.status, await problemTitle(response));
  }
  return response;
}

async function problemTitle(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: unknown; detail?: unknown };
    if (typeof problem.detail === 'string' && problem.detail) {
      return problem.detail;
    }
    if (typeof problem.title === 'string' && problem.title) {
      return problem.title;
    }
  } catch {
    // Not a problem-details body (an empty 401 or 403): the status text says enough.
  }
  return response.statusText || `HTTP ${response.status}`;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await send('GET', url)).json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return (await (await send('POST', url, body)).json()) as T;
}

export const auth = {
  me: () => getJson<CurrentUser>('/api/auth/me'),
  login: (userName: string, password: string) => postJson<CurrentUser>('/api/auth/login', { userName, password }),
  logout: async () => {
    await send('POST', '/api/auth/logout');
  },
};
