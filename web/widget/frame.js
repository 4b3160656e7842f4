// The chat inside the widget's frame (web/widget/widget.js frames it on a shop's page). It runs the chat page's
// conversation rules (web/chat: same stored conversation, resume token, history, event stream, Web Chat bundle)
// and talks to the shop's page by postMessage: only to and from the `host` origin, which the bot checked against
// ALLOWED_ORIGINS before serving this page, and only with the window that framed it.
import { createExpectRepliesDirectLine } from '/chat/directLine.js';

const STORAGE_KEY = 'shopping-assistant.chat'; // the chat page's own key: one conversation per browser storage
const params = new URLSearchParams(location.search);
const hostOrigin = originOf(params.get('host'));
const framed = window.parent !== window;
const theme = {
  color: /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(params.get('color') || '') ? params.get('color') : '#1f5f8b',
  name: (params.get('name') || 'Shopping assistant').slice(0, 60),
  avatar: /^https?:\/\//.test(params.get('avatar') || '') ? params.get('avatar') : undefined,
  greeting: (params.get('greeting') || '').slice(0, 200),
};
const chatHost = document.getElementById('webchat');
const statusElement = document.getElementById('status');

let chat = null;
let identityToken = null;
let directLine = null;
let renders = 0;

function originOf(value) {
  try { return value ? new URL(value).origin : null; } catch { return null; }
}

function toHost(type, detail = {}) {
  if (framed && hostOrigin) window.parent.postMessage({ source: 'shopping-assistant', type, ...detail }, hostOrigin);
}

function loadSaved() {
  try { return JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null'); } catch { return null; }
}
function persist() {
  try { localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...chat, identityToken })); } catch { /* storage off: this page's chat only */ }
}

/** The `sub` of a JWT, read (not verified: the bot verifies) only to tell whether a new token is the same shopper. */
function subjectOf(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

// Cards' buttons: "Add to basket" and "Show details" are the shop page's business too.
function watchCardActions() {
  return window.WebChat.createStore({}, () => (next) => (action) => {
    const value = action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload.activity.value : null;
    // "Add the second one to my basket" in words: the bot sends the request as an event (README "Chat page events").
    const incoming = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' ? action.payload.activity : null;
    const asked = incoming && incoming.type === 'event' && incoming.name === 'addToBasket' ? incoming.value : null;
    if (asked && typeof asked.productId === 'string') {
      toHost('add-to-basket', { productId: asked.productId, quantity: Number.isInteger(asked.quantity) ? asked.quantity : 1 });
    } else if (value && typeof value.productId === 'string' && value.action === 'add_to_basket') {
      toHost('add-to-basket', { productId: value.productId, quantity: Number.isInteger(value.quantity) ? value.quantity : 1 });
    } else if (value && typeof value.productId === 'string' && value.action === 'details') {
      toHost('view-product', { productId: value.productId });
    }
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.meta && action.meta.method === 'speech') {
      const activity = action.payload.activity;
      const channelData = { ...(activity.channelData || {}), inputMethod: 'speech' };
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, channelData } } });
    }
    return next(action);
  });
}

// "View product" opens the shop's own page: the shop's page decides how (README "view-product").
const openUrlToHost = () => (next) => (args) => {
  if (args.cardAction.type === 'openUrl' && framed) {
    toHost('view-product', { url: String(args.cardAction.value) });
    return undefined;
  }
  return next(args);
};

function onBotActivity(activity) {
  if (activity.type === 'message') toHost('activity');
  if (activity.type === 'event' && activity.name === 'handoff.initiate') {
    const id = activity.value && activity.value.handoffId;
    toHost('handoff-started', { reference: typeof id === 'string' ? id.slice(0, 8).toUpperCase() : null });
  }
  if (chatHost.classList.contains('previewing') && activity.type === 'message' && activity.text) {
    let log = chatHost.querySelector('.greeting-preview');
    if (!log) {
      log = Object.assign(document.createElement('div'), { className: 'greeting-preview' });
      log.setAttribute('role', 'log');
      chatHost.replaceChildren(log);
    }
    log.append(Object.assign(document.createElement('p'), { textContent: activity.text }));
  }
}

let webChatLoaded = null;
function loadWebChat() {
  webChatLoaded ??= new Promise((resolve, reject) => {
    if (window.WebChat) { resolve(); return; }
    const tag = Object.assign(document.createElement('script'), { src: '/vendor/webchat.js' });
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error('the chat component did not load'));
    document.head.append(tag);
  });
  return webChatLoaded;
}

function speechPonyfill() {
  const hasRecognition = 'SpeechRecognition' in window || 'webkitSpeechRecognition' in window;
  return hasRecognition && 'speechSynthesis' in window ? window.WebChat.createBrowserWebSpeechPonyfillFactory() : undefined;
}

async function renderChat(history) {
  const render = (renders += 1);
  directLine?.end();
  chatHost.classList.add('previewing');
  const connection = createExpectRepliesDirectLine({
    endpoint: '/api/messages',
    conversationId: chat.conversationId,
    user: { id: chat.userId, name: 'Shopper' },
    channelData: () => (identityToken ? { identity: identityToken } : {}),
    history,
    pushUrl: chat.resumeToken ? `/api/chat/stream?token=${encodeURIComponent(chat.resumeToken)}` : undefined,
    onBotActivity,
  });
  directLine = connection;
  const greeted = connection.connect();
  if (!window.WebChat) {
    await Promise.race([greeted, new Promise((resolve) => setTimeout(resolve, 1500))]);
    await loadWebChat();
  }
  if (render !== renders) return;
  chatHost.classList.remove('previewing');
  const chatElement = Object.assign(document.createElement('div'), { className: 'webchat-root' });
  chatHost.replaceChildren(chatElement);
  window.WebChat.renderWebChat({
    directLine: connection,
    store: watchCardActions(),
    cardActionMiddleware: openUrlToHost,
    userID: chat.userId,
    username: 'Shopper',
    locale: document.documentElement.lang || 'en-GB',
    webSpeechPonyfillFactory: speechPonyfill(),
    styleOptions: {
      accent: theme.color,
      botAvatarImage: theme.avatar,
      botAvatarInitials: theme.name.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase(),
      userAvatarInitials: 'You',
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      rootHeight: '100%',
      bubbleMinWidth: 0,
      bubbleMaxWidth: Math.max(200, window.innerWidth - 90),
    },
  }, chatElement);
  if (document.hasFocus()) focusInput();
}

function focusInput() {
  chatHost.querySelector('input, textarea')?.focus();
}

async function startNewChat() {
  const response = await fetch('/api/chat/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`the assistant answered ${response.status}`);
  const { conversationId, userId, resumeToken } = await response.json();
  chat = { conversationId, userId, resumeToken };
  persist();
  toHost('started');
  await renderChat([]);
}

/** The saved conversation if the server still knows it (within CHAT_RESUME_HOURS); `token`: the host's newer one. */
async function resume(saved, token) {
  if (!saved || !saved.resumeToken) return false;
  const response = await fetch('/api/chat/history', { headers: { authorization: `Bearer ${saved.resumeToken}` } }).catch(() => null);
  if (!response || !response.ok) return false;
  const body = await response.json();
  chat = { conversationId: body.conversationId, userId: body.userId, resumeToken: body.resumeToken };
  identityToken = token || (body.signedIn ? saved.identityToken || null : null);
  persist();
  toHost('started');
  await renderChat(body.activities);
  return true;
}

/** A new shopper gets a fresh conversation (the greeting knows them); the same one only a fresher token. */
async function identify(token) {
  const same = identityToken && subjectOf(identityToken) !== null && subjectOf(identityToken) === subjectOf(token);
  identityToken = token;
  if (same && chat) { persist(); return; }
  await startNewChat();
}

async function signOut() {
  identityToken = null;
  persist();
  if (!directLine) return;
  try {
    await directLine.postEvent('signOut');
  } catch {
    statusElement.textContent = 'Sign-out did not reach the assistant. Please try again.';
  }
}

/** The host's first word: what identify/signOut it asked for before the frame was ready. */
async function start(action) {
  const saved = loadSaved();
  const token = action && action.type === 'identify' && typeof action.token === 'string' ? action.token : null;
  const differentShopper = token && subjectOf(token) !== subjectOf((saved && saved.identityToken) || '');
  if (!differentShopper && (await resume(saved, token))) {
    if (action && action.type === 'signOut' && identityToken) await signOut();
    return;
  }
  identityToken = token;
  await startNewChat();
}

let started = null;
const fail = (error) => { statusElement.textContent = `The chat could not start: ${error.message}`; };
window.addEventListener('message', (event) => {
  const message = event.data;
  if (event.source !== window.parent || event.origin !== hostOrigin || !message || message.source !== 'shopping-assistant-host') return;
  if (message.type === 'init') started ??= start(message.action).catch(fail);
  else if (message.type === 'identify' && typeof message.token === 'string') started = (started || Promise.resolve()).then(() => identify(message.token)).catch(fail);
  else if (message.type === 'signOut') started = (started || Promise.resolve()).then(signOut).catch(fail);
  else if (message.type === 'focus') focusInput();
});
document.addEventListener('keydown', (event) => { if (event.key === 'Escape') toHost('close'); }, true);

if (theme.greeting) {
  const greeting = document.getElementById('greeting');
  greeting.textContent = theme.greeting;
  greeting.hidden = false;
}
document.title = theme.name;
if (framed && hostOrigin) toHost('ready');
else started = start(null).catch(fail); // opened on its own (not framed): just the chat
