import { ApiError, auth } from '../shared/api';
import { byId } from '../shared/dom';
import { safeReturnUrl } from '../shared/return-url';
import '../styles/app.css';

const form = byId<HTMLFormElement>('login-form');
const userName = byId<HTMLInputElement>('userName');
const password = byId<HTMLInputElement>('password');
const error = byId('login-error');
const submit = byId<HTMLButtonElement>('login-submit');
const returnUrl = safeReturnUrl(new URLSearchParams(window.location.search).get('returnUrl'));

function showError(message: string): void {
  error.textContent = message;
  error.hidden = false;
  userName.setAttribute('aria-invalid', 'true');
  password.setAttribute('aria-invalid', 'true');
  password.select();
  password.focus();
}

form.addEventListener('submit', event => {
  event.preventDefault();
  if (!userName.value.trim() || !password.value) {
    showError('Enter your user name and your password.');
    return;
  }
  error.hidden = true;
  submit.disabled = true;
  submit.textContent = 'Signing in…';
  auth
    .login(userName.value.trim(), password.value)
    .then(() => window.location.replace(returnUrl))
    .catch((failure: unknown) => {
      if (failure instanceof ApiError && (failure.status === 401 || failure.status === 400)) {
        showError('Invalid user name or password.');
      } else {
        showError('The server could not be reached. Check your connection and try again.');
      }
      submit.disabled = false;
      submit.textContent = 'Sign in';
    });
});

// Someone already signed in who opens /login goes straight on.
auth.me().then(
  () => window.location.replace(returnUrl),
  () => {
    document.body.classList.remove('is-loading');
    submit.disabled = false;
    userName.focus();
  },
);
