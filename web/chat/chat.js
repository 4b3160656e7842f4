// The shoppers' chat page: renders Web Chat on the expectReplies connection, offers demo sign-in when the
// server is in demo mode, and turns on speech where the browser has the Web Speech APIs.
import { createExpectRepliesDirectLine } from './directLine.js';

const chatHost = document.getElementById('webchat');
const statusElement = document.getElementById('status');
let identityToken = null;

function userId() {
  let id = sessionStorage.getItem('shopper-id');
  if (!id) {
    id = `shopper-${crypto.randomUUID()}`;
    sessionStorage.setItem('shopper-id', id);
  }
  return id;
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
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.meta && action.meta.method === 'speech') {
      const activity = action.payload.activity;
      const channelData = { ...(activity.channelData || {}), inputMethod: 'speech' };
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, channelData } } });
    }
    return next(action);
  });
}

function renderChat(displayName) {
  const directLine = createExpectRepliesDirectLine({
    endpoint: '/api/messages',
    user: { id: userId(), name: displayName },
    channelData: () => (identityToken ? { identity: identityToken } : {}),
  });
  // A fresh element per conversation: Web Chat would otherwise keep the previous conversation's activities.
  const chatElement = document.createElement('div');
  chatElement.className = 'webchat-root';
  chatHost.replaceChildren(chatElement);
  window.WebChat.renderWebChat({
    directLine,
    store: markSpokenInput(),
    userID: userId(),
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
    },
  }, chatElement);
  chatElement.querySelector('input, textarea')?.focus();
}

async function setUpDemoSignIn() {
  const config = await fetch('/api/web/config').then((r) => r.json()).catch(() => ({ demoMode: false }));
  if (!config.demoMode || config.demoCustomers.length === 0) return;
  const form = document.getElementById('demo-sign-in');
  const select = document.getElementById('demo-customer');
  for (const customer of config.demoCustomers) {
    select.append(new Option(customer.displayName, customer.id));
  }
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
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
    renderChat(name);
  });
}

renderChat('Shopper');
setUpDemoSignIn();
