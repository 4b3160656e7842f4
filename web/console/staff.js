import { api, el, formatDateTime, showMessage } from './api.js';
import { mountNav } from './nav.js';

const me = await mountNav('staff.html');
const form = document.getElementById('new-account');
const message = document.getElementById('message');

if (me.role !== 'admin') {
  // An admin page: nothing of it is shown to other roles, not even its empty table.
  document.getElementById('main').replaceChildren(el('h1', {}, 'Staff accounts'),
    el('p', { className: 'notice', role: 'alert' }, 'This page is for admins. Ask an admin if you need an account changed.'),
    el('a', { className: 'button', href: 'conversations.html' }, 'Back to conversations'));
} else {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const account = await api('/api/review/staff', {
        method: 'POST', body: { email: form.email.value, password: form.password.value, role: form.role.value },
      });
      form.reset();
      showMessage(message, `Created ${account.email} (${account.role}).`);
      await load();
    } catch (error) {
      showMessage(message, error.message, 'error');
    }
  });
  await load();
}

async function toggle(account) {
  try {
    await api(`/api/review/staff/${account.id}/${account.disabled ? 'enable' : 'disable'}`, { method: 'POST', body: {} });
    await load();
  } catch (error) {
    showMessage(message, error.message, 'error');
  }
}

async function load() {
  const { items } = await api('/api/review/staff');
  document.querySelector('#accounts tbody').replaceChildren(...items.map((a) => el('tr', {},
    el('td', {}, a.email), el('td', {}, a.role), el('td', {}, a.disabled ? 'disabled' : 'active'), el('td', {}, formatDateTime(a.createdAt)),
    el('td', {}, a.email === me.email ? el('span', { className: 'muted' }, 'you')
      : el('button', { type: 'button', className: 'small', onClick: () => toggle(a) }, `${a.disabled ? 'Enable' : 'Disable'} ${a.email}`)))));
}
