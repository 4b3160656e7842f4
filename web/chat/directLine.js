// A Direct Line-compatible connection for Web Chat that talks to the bot's own /api/messages with
// deliveryMode "expectReplies": each posted activity comes back with the bot's replies in the response,
// so no Azure service and no websocket are needed; staff messages in a live handoff come over an event stream. Web Chat needs: activity$ (every activity, including
// an echo of the user's own with a service id), connectionStatus$ (0 -> 1 -> 2) and postActivity(),
// which resolves to the activity id.

const STATUS = { uninitialized: 0, connecting: 1, online: 2, failed: 4 };

/** A cold observable: every subscribe runs `producer`. Accepts an observer or next/error/complete functions. */
class Observable {
  constructor(producer) {
    this.producer = producer;
  }

  subscribe(observerOrNext, error, complete) {
    const observer = typeof observerOrNext === 'function' ? { next: observerOrNext, error, complete } : observerOrNext || {};
    const subscription = { closed: false, unsubscribe() { subscription.closed = true; } };
    const safe = {
      next: (value) => { if (!subscription.closed) observer.next?.(value); },
      error: (reason) => { if (!subscription.closed) { subscription.closed = true; observer.error?.(reason); } },
      complete: () => { if (!subscription.closed) { subscription.closed = true; observer.complete?.(); } },
    };
    const teardown = this.producer(safe);
    const unsubscribe = subscription.unsubscribe;
    subscription.unsubscribe = () => { unsubscribe(); if (typeof teardown === 'function') teardown(); };
    return subscription;
  }
}

/** The current value, replayed to each new subscriber (a behaviour subject). */
function createStatus(initial) {
  const observers = new Set();
  let latest = initial;
  return {
    observable: new Observable((observer) => {
      observers.add(observer);
      observer.next(latest);
      return () => observers.delete(observer);
    }),
    get value() { return latest; },
    next(value) {
      latest = value;
      for (const observer of [...observers]) observer.next(value);
    },
  };
}

/**
 * Activities go to the latest subscriber only, and are held while there is none: Web Chat subscribes once
 * to open the connection and again, for good, once the status is online.
 */
function createActivityFeed() {
  let current = null;
  // Until Web Chat's lasting subscription (or the fallback timer) says so, activities are held, never handed to
  // the first, short-lived subscription.
  let live = false;
  const held = [];
  return {
    /** `lasting`: the subscription Web Chat keeps once the connection is online gets what arrived before it. */
    subscribe(observer, lasting) {
      current = observer;
      if (lasting) this.flush();
      return () => { if (current === observer) { current = null; live = false; } };
    },
    flush() {
      live = true;
      while (current && held.length > 0) current.next(held.shift());
    },
    next(activity) {
      if (current && live) current.next(activity);
      else held.push(activity);
    },
  };
}

function randomId() {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Show the typing indicator only when a reply takes longer than this (an agent-held turn answers at once, empty). */
const TYPING_DELAY_MS = 250;

/**
 * @param {{
 *   endpoint: string, conversationId: string, user: { id: string, name: string }, locale?: string,
 *   channelData?: () => object, history?: object[], pushUrl?: string, onTurnDone?: () => void,
 * }} options
 *   history: activities to show first (a resumed conversation: no new greeting is asked for);
 *   pushUrl: an event stream of messages from staff (server-sent events, event name "activity");
 *   onTurnDone: called after each exchange with the bot (the page refreshes who is signed in);
 *   onBotActivity: sees every activity from the bot as it arrives (the page previews the greeting with it).
 */
export function createExpectRepliesDirectLine(options) {
  const conversation = { id: options.conversationId };
  const bot = { id: 'bot', name: 'Shopping assistant', role: 'bot' };
  const user = { ...options.user, role: 'user' };
  const activities = createActivityFeed();
  const status = createStatus(STATUS.uninitialized);
  let sequence = 0;
  let started = false;
  let stream = null;

  const nextId = () => `${conversation.id}|${String((sequence += 1)).padStart(7, '0')}`;

  async function send(activity) {
    const response = await fetch(options.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (!response.ok) throw new Error(`The assistant answered ${response.status}.`);
    const text = await response.text();
    const body = text ? JSON.parse(text) : {};
    return Array.isArray(body) ? body : body.activities || [];
  }

  function complete(activity) {
    return {
      channelId: 'webchat',
      serviceUrl: window.location.origin,
      conversation,
      recipient: bot,
      from: user,
      locale: options.locale || navigator.language,
      timestamp: new Date().toISOString(),
      deliveryMode: 'expectReplies',
      ...activity,
      channelData: { ...(activity.channelData || {}), ...(options.channelData ? options.channelData() : {}) },
    };
  }

  function emitReplies(replies, replyToId) {
    for (const reply of replies) {
      if (reply.type === 'typing' || reply.type === 'trace' || reply.type === 'delay') continue;
      options.onBotActivity?.(reply);
      activities.next({
        ...reply,
        id: reply.id || nextId(),
        timestamp: reply.timestamp || new Date().toISOString(),
        from: { ...bot, ...(reply.from || {}), role: 'bot' },
        conversation,
        replyToId,
      });
    }
  }

  /** Shows the typing indicator when the bot takes a moment; returns the function that cancels it. */
  function typingUnlessQuick() {
    const timer = setTimeout(() => activities.next({ type: 'typing', id: nextId(), from: bot, conversation, timestamp: new Date().toISOString() }), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }

  /** Sends, then shows the echo (if any) and the replies. */
  async function exchange(activity, onSent) {
    const stopTyping = typingUnlessQuick();
    let replies;
    try {
      replies = await send(activity);
    } finally {
      stopTyping();
    }
    onSent?.();
    emitReplies(replies, activity.type === 'message' ? activity.id : undefined);
    options.onTurnDone?.();
    return replies;
  }

  /** Messages staff send while they hold the conversation arrive here, within a second or two. */
  function openStream() {
    if (!options.pushUrl || stream) return;
    stream = new EventSource(options.pushUrl);
    stream.addEventListener('activity', (event) => {
      try {
        emitReplies([JSON.parse(event.data)]);
      } catch {
        // A malformed event is skipped; the history has every message after a reload.
      }
    });
  }

  /** A resumed conversation shows its history; a new one announces the user, like Direct Line, so the bot greets. */
  let greeting = Promise.resolve();
  function start() {
    if (started) return greeting;
    started = true;
    openStream();
    if (options.history && options.history.length > 0) {
      for (const activity of options.history) activities.next({ ...activity, conversation });
      return greeting;
    }
    greeting = exchange(complete({ type: 'conversationUpdate', id: nextId(), membersAdded: [user, bot] }))
      .then(() => undefined, () => status.next(STATUS.failed));
    return greeting;
  }

  return {
    /** Starts the conversation before Web Chat subscribes (what arrives is held for it); resolves once greeted. */
    connect: start,
    activity$: new Observable((observer) => {
      const unsubscribe = activities.subscribe(observer, status.value !== STATUS.uninitialized);
      if (status.value === STATUS.uninitialized) {
        status.next(STATUS.connecting);
        status.next(STATUS.online);
        // Normally the second subscription starts the conversation; this covers a client that subscribes once.
        setTimeout(() => { start(); activities.flush(); }, 1000);
      } else {
        start();
      }
      return unsubscribe;
    }),
    connectionStatus$: status.observable,
    postActivity(activity) {
      return new Observable((observer) => {
        const id = nextId();
        const outgoing = complete({ ...activity, id });
        // The echo carries the id Web Chat waits for: it is shown as sent once the bot has it.
        exchange(outgoing, () => {
          activities.next(outgoing);
          observer.next(id);
          observer.complete();
        }).catch((error) => observer.error(error));
      });
    },
    /** An event the page sends on its own (e.g. "signOut"); resolves once the replies are shown. */
    postEvent(name, value) {
      return exchange(complete({ type: 'event', name, value, id: nextId() }));
    },
    end() {
      stream?.close();
      stream = null;
      status.next(STATUS.uninitialized);
    },
  };
}
