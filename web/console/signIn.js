import { api, showMessage } from './api.js';

const form = document.getElementById('sign-in');
const message = document.getElementById('message');

const status = await api('/api/review/auth/status', { allowUnauthorized: true });
const homeOf = (role) => (role === 'marketer' ? 'campaigns.html' : 'conversations.html');
if (status.signedIn) window.location.assign(homeOf(status.role));
if (!status.adminConfigured) {
  const setup = document.getElementById('setup');
  setup.textContent = status.howToCreateAdmin;
  setup.hidden = false;
}
document.getElementById('email').focus();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = form.email.value.trim();
  const password = form.password.value;
  if (!email || !password) {
    showMessage(message, 'Enter your email and password.', 'error');
    return;
  }
  try {
    const account = await api('/api/review/auth/login', { method: 'POST', body: { email, password }, allowUnauthorized: true });
    window.location.assign(homeOf(account.role));
  } catch (error) {
    showMessage(message, error.message, 'error');
    form.password.select();
  }
});
