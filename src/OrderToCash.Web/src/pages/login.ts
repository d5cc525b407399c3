import { ApiError, auth } from '../shared/api';
import { byId } from '../shared/dom';
import { safeReturnUrl } from '../shared/return-url';
import { languageSwitch } from '../shared/layout';
import { t } from '../i18n/i18n';
import '../i18n/shell';
import '../styles/app.css';

const form = byId<HTMLFormElement>('login-form');
const userName = byId<HTMLInputElement>('userName');
const password = byId<HTMLInputElement>('password');
const error = byId('login-error');
const submit = byId<HTMLButtonElement>('login-submit');
const returnUrl = safeReturnUrl(new URLSearchParams(window.location.search).get('returnUrl'));

// The HTML holds the French words; each `data-text` element gets its text in the chosen language.
for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
  element.textContent = t(`shell:${element.dataset.text}`);
}
document.title = `${t('shell:login.title')} · OrderToCash`;
byId('login-language').replaceChildren(languageSwitch());

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
    showError(t('shell:login.missing'));
    return;
  }
  error.hidden = true;
  submit.disabled = true;
  submit.textContent = t('shell:login.submitting');
  auth
    .login(userName.value.trim(), password.value)
    .then(() => window.location.replace(returnUrl))
    .catch((failure: unknown) => {
      if (failure instanceof ApiError && (failure.status === 401 || failure.status === 400)) {
        showError(t('shell:login.invalid'));
      } else {
        showError(t('shell:login.unreachable'));
      }
      submit.disabled = false;
      submit.textContent = t('shell:login.submit');
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
