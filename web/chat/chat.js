// The shoppers' chat page: renders Web Chat on the expectReplies connection, keeps the conversation across
// reloads and page changes (ids and a resume token in localStorage; history replayed from the server), shows
// who is signed in with "Sign out", offers demo sign-in in demo mode, receives staff messages over an event
// stream, and turns on speech where the browser has the Web Speech APIs.
import { createExpectRepliesDirectLine } from './directLine.js';

const STORAGE_KEY = 'shopping-assistant.chat';
const chatHost = document.getElementById('webchat');
const statusElement = document.getElementById('status');
const signedInElement = document.getElementById('signed-in');
const demoForm = document.getElementById('demo-sign-in');

/** { conversationId, userId, resumeToken } from the server, and the page's signed identity (demo) if any. */
let chat = null;
let identityToken = null;
let directLine = null;
let demoAvailable = false;

function loadSaved() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
  } catch {
    return null;
  }
}

function persist() {
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...chat, identityToken }));
}

/** What the header shows: who is signed in with "Sign out", or the demo sign-in. */
function showAccount(signedIn) {
  if (!signedIn && identityToken) {
    // The bot ended the sign-in (expiry, sign-out or erasure): stop sending the old identity.
    identityToken = null;
    persist();
  }
  signedInElement.hidden = !signedIn;
  document.getElementById('signed-in-name').textContent = signedIn ? signedIn.displayName : '';
  demoForm.hidden = Boolean(signedIn) || !demoAvailable;
}

async function refreshAccount() {
  if (!chat || !chat.resumeToken) return;
  const response = await fetch('/api/chat/status', { headers: { authorization: `Bearer ${chat.resumeToken}` } }).catch(() => null);
  if (response && response.ok) showAccount((await response.json()).signedIn);
}

function speechPonyfill() {
  const hasRecognition = 'SpeechRecognition' in window || 'webkitSpeechRecognition' in window;
  if (!hasRecognition || !('speechSynthesis' in window)) return undefined;
  return window.WebChat.createBrowserWebSpeechPonyfillFactory();
}

// Web Chat keeps "typed or spoken" only in its own action metadata; the bot reads channelData.inputMethod
// to keep spoken replies short (dialogs/speech/voice.ts).
function markSpokenInput() {
  return window.WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY') announceBasketAction(action.payload.activity);
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') announceBasketRequest(action.payload.activity);
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.meta && action.meta.method === 'speech') {
      const activity = action.payload.activity;
      const channelData = { ...(activity.channelData || {}), inputMethod: 'speech' };
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, channelData } } });
    }
    return next(action);
  });
}

// "Add to basket" on a product card: the basket belongs to the shop's page, so the click is handed to it as a
// DOM event on this window and, when the chat is framed, as a postMessage to the framing page's origin
// (README "Chat page events"). The bot is told too, and confirms in words. A shopper who asks in words ("add the
// second one to my basket") gets the same: the bot sends an `addToBasket` event, handed on the same way.
export const BASKET_EVENT = 'shopping-assistant:add-to-basket';
function announceBasketAction(activity) {
  const value = activity && activity.value;
  if (value && value.action === 'add_to_basket') announceBasket(value);
}
function announceBasketRequest(activity) {
  if (activity && activity.type === 'event' && activity.name === 'addToBasket') announceBasket(activity.value);
}
function announceBasket(value) {
  if (!value || typeof value.productId !== 'string') return;
  const detail = { productId: value.productId, quantity: Number.isInteger(value.quantity) ? value.quantity : 1 };
  window.dispatchEvent(new CustomEvent(BASKET_EVENT, { detail }));
  if (window.parent !== window && document.referrer) {
    window.parent.postMessage({ type: BASKET_EVENT, ...detail }, new URL(document.referrer).origin);
  }
}

// The demo page's own small basket, so a newcomer sees the contract work.
const basket = new Map();
window.addEventListener(BASKET_EVENT, (event) => {
  const list = document.getElementById('basket-items');
  if (!list) return;
  const { productId, quantity } = event.detail;
  basket.set(productId, (basket.get(productId) || 0) + quantity);
  list.replaceChildren(...[...basket].map(([id, count]) => {
    const item = document.createElement('li');
    item.textContent = `${count} × ${id}`;
    return item;
  }));
  document.getElementById('basket-count').textContent = String([...basket.values()].reduce((a, b) => a + b, 0));
  document.getElementById('basket').hidden = false;
});

// Web Chat is 3.9 MB of script (0.7 MB on the wire): the page preloads it but runs it only after the greeting is
// on screen, because running it holds the page for about a second on a slow phone.
let webChatLoaded = null;
function loadWebChat() {
  webChatLoaded ??= new Promise((resolve, reject) => {
    if (window.WebChat) { resolve(); return; }
    const script = document.createElement('script');
    script.src = '/vendor/webchat.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('the chat component did not load'));
    document.head.append(script);
  });
  return webChatLoaded;
}

/** The bot's first words, shown as plain bubbles until Web Chat takes over (it then shows the same activities). */
function showPreview(activity) {
  if (!chatHost.classList.contains('previewing') || activity.type !== 'message' || !activity.text) return;
  let log = chatHost.querySelector('.greeting-preview');
  if (!log) {
    log = document.createElement('div');
    log.className = 'greeting-preview';
    log.setAttribute('role', 'log');
    chatHost.replaceChildren(log);
  }
  const bubble = document.createElement('p');
  bubble.textContent = activity.text;
  log.append(bubble);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let renders = 0;

async function renderChat(history, displayName = 'Shopper') {
  // A newer conversation (demo sign-in while the first still loads) wins: an older render stops at its next await.
  const render = (renders += 1);
  directLine?.end();
  chatHost.classList.add('previewing');
  const connection = createExpectRepliesDirectLine({
    endpoint: '/api/messages',
    conversationId: chat.conversationId,
    user: { id: chat.userId, name: displayName },
    channelData: () => (identityToken ? { identity: identityToken } : {}),
    history,
    pushUrl: chat.resumeToken ? `/api/chat/stream?token=${encodeURIComponent(chat.resumeToken)}` : undefined,
    onTurnDone: refreshAccount,
    onBotActivity: showPreview,
  });
  directLine = connection;
  // The greeting is asked for now, not when Web Chat connects: it is shown while Web Chat loads.
  const greeted = connection.connect();
  if (!window.WebChat) {
    await Promise.race([greeted, new Promise((resolve) => setTimeout(resolve, 1500))]);
    await nextFrame();
    await loadWebChat();
  }
  if (render !== renders) return;
  chatHost.classList.remove('previewing');
  // A fresh element per conversation: Web Chat would otherwise keep the previous conversation's activities.
  const chatElement = document.createElement('div');
  chatElement.className = 'webchat-root';
  chatHost.replaceChildren(chatElement);
  window.WebChat.renderWebChat({
    directLine: connection,
    store: markSpokenInput(),
    userID: chat.userId,
    username: displayName,
    locale: document.documentElement.lang || 'en-GB',
    webSpeechPonyfillFactory: speechPonyfill(),
    styleOptions: {
      accent: '#1f5f8b',
      botAvatarInitials: 'SA',
      userAvatarInitials: 'You',
      bubbleBorderRadius: 10,
      bubbleFromUserBorderRadius: 10,
      bubbleFromUserBackground: '#e3eef6',
      hideUploadButton: true,
      suggestedActionLayout: 'flow',
      rootHeight: '100%',
      // Phones: bubbles may use the whole width, so the text above a row of cards is never cut.
      bubbleMinWidth: 0,
      bubbleMaxWidth: Math.min(480, Math.max(200, window.innerWidth - 90)),
    },
  }, chatElement);
  chatElement.querySelector('input, textarea')?.focus();
}

async function startNewChat() {
  const response = await fetch('/api/chat/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
  if (response && response.ok) {
    const { conversationId, userId, resumeToken } = await response.json();
    chat = { conversationId, userId, resumeToken };
    persist();
  } else {
    // A bot without the chat page's routes: this page load's own conversation, not kept across reloads.
    const random = () => crypto.randomUUID().replace(/-/g, '');
    chat = { conversationId: `webchat-${random()}`, userId: `shopper-${random()}`, resumeToken: null };
  }
  await renderChat([]);
}

/** The saved conversation if the server still knows it (within CHAT_RESUME_HOURS), otherwise a new one. */
async function resumeOrStart() {
  const saved = loadSaved();
  if (saved && saved.resumeToken) {
    const response = await fetch('/api/chat/history', { headers: { authorization: `Bearer ${saved.resumeToken}` } }).catch(() => null);
    if (response && response.ok) {
      const body = await response.json();
      chat = { conversationId: body.conversationId, userId: body.userId, resumeToken: body.resumeToken };
      identityToken = body.signedIn ? saved.identityToken || null : null;
      persist();
      showAccount(body.signedIn);
      await renderChat(body.activities);
      return;
    }
  }
  identityToken = null;
  await startNewChat();
}

document.getElementById('sign-out').addEventListener('click', async () => {
  identityToken = null;
  persist();
  try {
    await directLine.postEvent('signOut');
    statusElement.textContent = 'You are signed out.';
  } catch {
    statusElement.textContent = 'Sign-out did not reach the assistant. Please try again.';
  }
  await refreshAccount();
});

async function setUpDemoSignIn() {
  const config = await fetch('/api/web/config').then((r) => r.json()).catch(() => ({ demoMode: false }));
  if (!config.demoMode || config.demoCustomers.length === 0) return;
  const select = document.getElementById('demo-customer');
  for (const customer of config.demoCustomers) {
    select.append(new Option(customer.displayName, customer.id));
  }
  demoAvailable = true;
  demoForm.hidden = !signedInElement.hidden;
  demoForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/web/demo-identity', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: select.value }),
    });
    if (!response.ok) {
      statusElement.textContent = 'Demo sign-in failed. Please try again.';
      return;
    }
    identityToken = (await response.json()).token;
    const name = select.selectedOptions[0].textContent;
    statusElement.textContent = `Signed in as ${name} (demo). A new conversation has started.`;
    // A fresh conversation, so the greeting already knows who is there.
    await startNewChat();
  });
}

resumeOrStart().catch((error) => { statusElement.textContent = `The chat could not start: ${error.message}`; });
setUpDemoSignIn();
