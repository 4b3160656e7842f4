// The console header: navigation, who is signed in, and sign-out. Every console page except sign-in calls it.
import { api, el } from './api.js';

const PAGES = [
  ['conversations.html', 'Conversations'],
  ['handoffs.html', 'Handoff queue'],
  ['kpis.html', 'KPIs by segment'],
];

// Experiments and attribution: admins and marketers (a role list, so a new role needs only an entry here and in the API).
const INSIGHT_PAGES = [['experiments.html', 'Experiments'], ['attribution.html', 'Attribution']];
const INSIGHT_ROLES = ['admin', 'marketer'];

export async function mountNav(current) {
  const status = await api('/api/review/auth/status', { allowUnauthorized: true });
  if (!status.signedIn) {
    window.location.assign('/console/');
    throw new Error('not signed in');
  }
  const signOut = el('button', {
    type: 'button', className: 'link-button',
    onClick: async () => {
      await api('/api/review/auth/logout', { method: 'POST', body: {} });
      window.location.assign('/console/');
    },
  }, 'Sign out');
  const campaigns = ['campaigns.html', 'Campaigns'];
  const insightPages = INSIGHT_ROLES.includes(status.role) ? INSIGHT_PAGES : [];
  const pages = status.role === 'marketer' ? [campaigns, ...insightPages]
    : status.role === 'admin' ? [...PAGES, ...insightPages, campaigns, ['staff.html', 'Staff accounts']] : PAGES;
  const header = el('header', { className: 'topbar' },
    el('a', { className: 'brand', href: 'conversations.html' }, 'Shopping assistant · Staff console'),
    el('nav', { 'aria-label': 'Console' }, el('ul', {}, pages.map(([href, label]) =>
      el('li', {}, el('a', { href, 'aria-current': href === current ? 'page' : undefined }, label))))),
    el('div', { className: 'who' }, el('span', {}, `${status.email} (${status.role})`), signOut));
  document.body.prepend(el('a', { className: 'skip-link', href: '#main' }, 'Skip to content'), header);
  return status;
}
