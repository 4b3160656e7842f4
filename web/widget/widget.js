/*! Shopping assistant chat widget loader. README: "Put the chat on your shop's site".
 * Draws a launcher in a shadow root (the page's CSS cannot reach it, and its styles are a constructed sheet, so
 * a strict style-src needs no 'unsafe-inline'); on first open it frames the bot's chat page, which loads Web Chat.
 * Page <-> frame messages are checked both ways: origin and window. */
(function () {
  'use strict';
  if (window.ShoppingAssistant) return;
  var SERVER = /*__WIDGET_DEFAULTS__*/{};
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var bot;
  try { bot = new URL(data.bot || script.src).origin; } catch (e) { return; }
  var HEX = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
  var theme = {
    color: HEX.test(data.color || '') ? data.color : SERVER.color || '#1f5f8b',
    name: String(data.name || SERVER.name || 'Shopping assistant').slice(0, 60),
    avatar: data.avatar || SERVER.avatar || '',
    greeting: String(data.greeting || SERVER.greeting || '').slice(0, 200),
  };
  var STATE_KEY = 'shopping-assistant:' + bot;
  var EVENTS = ['add-to-basket', 'view-product', 'handoff-started'];
  var listeners = {};
  var state = readState();
  var pending = null; // the latest identify/signOut, delivered once the frame is ready
  var frame = null, ready = false, isOpen = false, unread = 0, readyTimer = 0, wantFocus = false;

  function readState() {
    try { return JSON.parse(sessionStorage.getItem(STATE_KEY)) || {}; } catch (e) { return {}; }
  }
  function saveState() {
    try { sessionStorage.setItem(STATE_KEY, JSON.stringify(state)); } catch (e) { /* storage off: state lasts this page */ }
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  var CSS = ':host{all:initial!important}'
    + '*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:14px;line-height:1.4;letter-spacing:normal}'
    + '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;'
    + 'background:var(--sa-accent);color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}'
    + '.launcher:focus-visible,.close:focus-visible{outline:3px solid #f0b429;outline-offset:3px}'
    + '.launcher svg{width:28px;height:28px;fill:currentColor}'
    + '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#c62828;color:#fff;'
    + 'font-size:12px;font-weight:700;line-height:20px;text-align:center}.badge[hidden]{display:none}'
    + '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:380px;max-width:calc(100vw - 40px);height:min(640px,calc(100vh - 108px));'
    + 'background:#fff;color:#1d2733;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}'
    + '.panel:not(.open){visibility:hidden;opacity:0;pointer-events:none}'
    + '.bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 8px 8px 14px;background:var(--sa-accent);color:#fff}'
    + '.title{margin:0;font-size:15px;font-weight:600;color:#fff}'
    + '.close{width:36px;height:36px;margin:0;padding:0;border:0;border-radius:6px;background:transparent;color:#fff;font-size:24px;line-height:1;cursor:pointer}'
    + '.notice{margin:0;padding:12px 14px;color:#8a1c1c}.notice:empty{display:none}'
    + 'iframe{flex:1;display:block;width:100%;min-height:0;border:0}'
    + '@media (max-width:600px){.panel.open{inset:0;width:100vw;max-width:none;height:100vh;height:100dvh;border-radius:0}.panel.open~.launcher{display:none}}';

  var host = document.createElement('shopping-assistant-widget');
  var root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(el('style', {}, [CSS])); // older browsers; needs style-src 'unsafe-inline' under a CSP
  }
  host.style.setProperty('--sa-accent', theme.color);

  var icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  icon.append(path);
  var badge = el('span', { class: 'badge', hidden: '' });
  var launcher = el('button', { type: 'button', class: 'launcher', 'aria-controls': 'sa-panel', 'aria-expanded': 'false' }, [icon, badge]);
  var closeButton = el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat' }, ['\u00d7']);
  var notice = el('p', { class: 'notice', role: 'status' });
  var panel = el('div', { id: 'sa-panel', class: 'panel', role: 'dialog', 'aria-label': theme.name },
    [el('div', { class: 'bar' }, [el('h2', { class: 'title' }, [theme.name]), closeButton]), notice]);
  root.append(panel, launcher);

  function label() {
    launcher.setAttribute('aria-label', (isOpen ? 'Close chat with ' : 'Open chat with ') + theme.name + (unread ? ' (' + unread + ' unread)' : ''));
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
  }

  function post(message) {
    if (frame && ready) frame.contentWindow.postMessage(Object.assign({ source: 'shopping-assistant-host' }, message), bot);
  }

  function createFrame() {
    if (frame) return;
    var query = new URLSearchParams({ host: location.origin, color: theme.color, name: theme.name, avatar: theme.avatar, greeting: theme.greeting });
    frame = el('iframe', { title: 'Chat with ' + theme.name, allow: 'microphone; autoplay', src: bot + '/widget/frame.html?' + query });
    // A refused frame (origin not in ALLOWED_ORIGINS) never says it is ready.
    frame.addEventListener('load', function () {
      clearTimeout(readyTimer);
      readyTimer = setTimeout(function () { if (!ready) notice.textContent = 'Sorry, the chat is not available on this site.'; }, 3000);
    });
    panel.append(frame);
  }

  function setOpen(open, keepFocus) {
    isOpen = open;
    state.open = open;
    saveState();
    if (open) { createFrame(); unread = 0; }
    panel.classList.toggle('open', open);
    launcher.setAttribute('aria-expanded', String(open));
    label();
    if (open) {
      wantFocus = !keepFocus;
      if (ready) focusChat(); else if (wantFocus) closeButton.focus();
    } else if (!keepFocus) {
      launcher.focus();
    }
  }

  /** Into the chat's message box, only when the shopper opened it (not when a page reopens it). */
  function focusChat() {
    if (!wantFocus) return;
    wantFocus = false;
    frame.focus();
    post({ type: 'focus' });
  }

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { setTimeout(function () { throw e; }); }
    });
    window.dispatchEvent(new CustomEvent('shopping-assistant:' + name, { detail: detail }));
  }

  var fromFrame = {
    ready: function () {
      ready = true;
      notice.textContent = '';
      post({ type: 'init', action: pending });
      pending = null;
      if (isOpen) focusChat();
    },
    close: function () { setOpen(false); },
    started: function () { state.started = true; saveState(); },
    activity: function () { if (!isOpen) { unread += 1; label(); } },
    'add-to-basket': function (m) {
      if (typeof m.productId === 'string') emit('add-to-basket', { productId: m.productId, quantity: Number.isInteger(m.quantity) ? m.quantity : 1 });
    },
    'view-product': function (m) {
      var detail = { productId: typeof m.productId === 'string' ? m.productId : null, url: /^https?:\/\//.test(m.url) ? m.url : null };
      if (detail.url && !(listeners['view-product'] || []).length) location.assign(detail.url);
      else emit('view-product', detail);
    },
    'handoff-started': function (m) { emit('handoff-started', { reference: typeof m.reference === 'string' ? m.reference : null }); },
  };
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!frame || event.source !== frame.contentWindow || event.origin !== bot) return;
    if (!m || m.source !== 'shopping-assistant' || !Object.prototype.hasOwnProperty.call(fromFrame, m.type)) return;
    fromFrame[m.type](m);
  });

  launcher.addEventListener('click', function () { setOpen(!isOpen); });
  closeButton.addEventListener('click', function () { setOpen(false); });
  root.addEventListener('keydown', function (event) { if (event.key === 'Escape' && isOpen) setOpen(false); });

  function deliver(action) {
    if (ready) post({ type: action.type, token: action.token });
    else pending = action;
  }

  window.ShoppingAssistant = {
    version: 1,
    open: function () { setOpen(true); },
    close: function () { setOpen(false); },
    /** The shop's signed identity (a JWT its server signed for this shopper). */
    identify: function (token) {
      if (typeof token !== 'string' || token.split('.').length !== 3) throw new TypeError('ShoppingAssistant.identify needs the signed identity (a JWT)');
      deliver({ type: 'identify', token: token });
    },
    signOut: function () { deliver({ type: 'signOut' }); },
    on: function (name, fn) {
      if (EVENTS.indexOf(name) < 0 || typeof fn !== 'function') throw new TypeError('ShoppingAssistant.on: one of ' + EVENTS.join(', ') + ' and a function');
      (listeners[name] = listeners[name] || []).push(fn);
      return function off() { listeners[name] = listeners[name].filter(function (f) { return f !== fn; }); };
    },
  };

  function mount() {
    document.body.append(host);
    label();
    // Open before: reopen on this page. A conversation before: frame it quietly after load, so agents' messages
    // raise the badge; a first visit costs the page only this script.
    if (state.open) setOpen(true, true);
    else if (state.started) (window.requestIdleCallback || setTimeout)(createFrame);
    window.dispatchEvent(new CustomEvent('shopping-assistant:ready'));
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
