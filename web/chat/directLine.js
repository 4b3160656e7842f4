// A Direct Line-compatible connection for Web Chat that talks to the bot's own /api/messages with
// deliveryMode "expectReplies": each posted activity comes back with the bot's replies in the response,
// so no Azure service and no websocket are needed. Web Chat needs: activity$ (every activity, including
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
  const held = [];
  return {
    subscribe(observer) {
      current = observer;
      while (held.length > 0) observer.next(held.shift());
      return () => { if (current === observer) current = null; };
    },
    next(activity) {
      if (current) current.next(activity);
      else held.push(activity);
    },
  };
}

function randomId() {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * @param {{ endpoint: string, user: { id: string, name: string }, locale?: string, channelData?: () => object }} options
 */
export function createExpectRepliesDirectLine(options) {
  const conversation = { id: `webchat-${randomId()}` };
  const bot = { id: 'bot', name: 'Shopping assistant', role: 'bot' };
  const user = { ...options.user, role: 'user' };
  const activities = createActivityFeed();
  const status = createStatus(STATUS.uninitialized);
  let sequence = 0;
  let started = false;

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

  /** Like Direct Line, announce the user joining so the bot can greet. */
  function start() {
    if (started) return;
    started = true;
    send(complete({ type: 'conversationUpdate', id: nextId(), membersAdded: [user, bot] }))
      .then((replies) => emitReplies(replies))
      .catch(() => status.next(STATUS.failed));
  }

  return {
    activity$: new Observable((observer) => {
      const unsubscribe = activities.subscribe(observer);
      if (status.value === STATUS.uninitialized) {
        status.next(STATUS.connecting);
        status.next(STATUS.online);
        // Normally the second subscription starts the conversation; this covers a client that subscribes once.
        setTimeout(start, 1000);
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
        send(outgoing).then((replies) => {
          activities.next(outgoing);
          observer.next(id);
          observer.complete();
          emitReplies(replies, id);
        }, (error) => observer.error(error));
      });
    },
    end() {
      status.next(STATUS.uninitialized);
    },
  };
}
