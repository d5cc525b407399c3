import { ApiError, auth, type CurrentUser } from './api';
import { loginUrlForHere } from './return-url';
import { knowBusinessRoles } from '../i18n/labels';

/**
 * The signed-in user, or a trip to the sign-in page (which comes back here) when there is none. The HTML pages
 * are public files; what protects the data is that every API call requires the cookie and the page's role.
 */
export async function requireUser(): Promise<CurrentUser> {
  try {
    const user = await auth.me();
    knowBusinessRoles(user.roleLabels);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      redirectToLogin();
      // The browser is leaving; nothing else must render meanwhile.
      return new Promise<CurrentUser>(() => {});
    }
    throw error;
  }
}

export function redirectToLogin(): void {
  window.location.assign(loginUrlForHere());
}

export function hasRole(user: CurrentUser, role: string): boolean {
  return user.roles.includes(role);
}

export async function signOut(): Promise<void> {
  try {
    await auth.logout();
  } finally {
    window.location.assign('/login');
  }
}
