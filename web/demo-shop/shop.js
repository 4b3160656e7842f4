// The demo shop's own script: what a shop writes around the widget. It signs the shopper in (a demo token from
// the bot, which a real shop's server would sign), hands the token to the widget on every page, and keeps a
// basket that "Add to basket" in the chat fills. No inline script, so the page runs under a strict CSP.
const IDENTITY_KEY = 'demo-shop.identity';
const BASKET_KEY = 'demo-shop.basket';
const $ = (id) => document.getElementById(id);

/** The widget loads async: run `fn` once window.ShoppingAssistant exists. */
function withAssistant(fn) {
  if (window.ShoppingAssistant) fn(window.ShoppingAssistant);
  else window.addEventListener('shopping-assistant:ready', () => fn(window.ShoppingAssistant), { once: true });
}

const read = (storage, key, fallback) => { try { return JSON.parse(storage.getItem(key)) ?? fallback; } catch { return fallback; } };
const price = (p) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: p.currency }).format(p.price);
const productLink = (id) => `/demo-shop/product.html?id=${encodeURIComponent(id)}`;

function drawBasket() {
  const basket = read(localStorage, BASKET_KEY, {});
  $('basket-items').replaceChildren(...Object.entries(basket).map(([id, count]) => {
    const link = Object.assign(document.createElement('a'), { href: productLink(id), textContent: id });
    const item = document.createElement('li');
    item.append(`${count} × `, link);
    return item;
  }));
  $('basket-count').textContent = String(Object.values(basket).reduce((a, b) => a + b, 0));
}

function addToBasket(productId, quantity) {
  const basket = read(localStorage, BASKET_KEY, {});
  basket[productId] = (basket[productId] || 0) + quantity;
  localStorage.setItem(BASKET_KEY, JSON.stringify(basket));
  drawBasket();
}

function productTile(p) {
  const item = document.createElement('li');
  const link = Object.assign(document.createElement('a'), { href: productLink(p.id) });
  link.append(Object.assign(document.createElement('img'), { src: p.imageUrl, alt: '' }), Object.assign(document.createElement('span'), { textContent: p.name }));
  const add = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Add to basket' });
  add.addEventListener('click', () => addToBasket(p.id, 1));
  item.append(link, Object.assign(document.createElement('p'), { className: 'price', textContent: price(p) }), add);
  return item;
}

async function drawPage() {
  const id = new URLSearchParams(location.search).get('id');
  if ($('grid')) {
    const { products } = await (await fetch('/api/widget/demo-products')).json();
    $('grid').replaceChildren(...products.map(productTile));
  } else if (id) {
    const response = await fetch(`/api/widget/demo-products/${encodeURIComponent(id)}`);
    if (!response.ok) { $('product').textContent = 'No such product.'; return; }
    const { product } = await response.json();
    const heading = Object.assign(document.createElement('h1'), { textContent: product.name });
    const add = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Add to basket' });
    add.addEventListener('click', () => addToBasket(product.id, 1));
    $('product').replaceChildren(heading, Object.assign(document.createElement('img'), { src: product.imageUrl, alt: product.name }),
      Object.assign(document.createElement('p'), { className: 'price', textContent: `${price(product)} · ${product.category}` }), add);
    document.title = `${product.name} · Paper & Pine`;
  }
}

function showAccount() {
  const identity = read(sessionStorage, IDENTITY_KEY, null);
  $('who').hidden = !identity;
  $('who').textContent = identity ? `Signed in: ${identity.name}` : '';
  $('sign-out').hidden = !identity;
  $('sign-in').hidden = Boolean(identity);
}

async function setUpSignIn() {
  const config = await fetch('/api/web/config').then((r) => r.json()).catch(() => ({ demoCustomers: [] }));
  for (const c of config.demoCustomers) $('customer').append(new Option(c.displayName, c.id));
  showAccount();
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/api/web/demo-identity', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: $('customer').value }),
    });
    if (!response.ok) { $('notice').textContent = 'Sign-in failed.'; return; }
    const { token } = await response.json();
    sessionStorage.setItem(IDENTITY_KEY, JSON.stringify({ token, name: $('customer').selectedOptions[0].textContent }));
    showAccount();
    withAssistant((assistant) => assistant.identify(token));
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(IDENTITY_KEY);
    showAccount();
    withAssistant((assistant) => assistant.signOut());
  });
}

withAssistant((assistant) => {
  // A real shop passes its signed-in shopper's token on every page; the widget keeps the conversation if it is the same shopper.
  const identity = read(sessionStorage, IDENTITY_KEY, null);
  if (identity) assistant.identify(identity.token);
  assistant.on('add-to-basket', ({ productId, quantity }) => {
    addToBasket(productId, quantity);
    $('notice').textContent = `Added ${productId} to your basket from the chat.`;
  });
  assistant.on('view-product', ({ productId, url }) => {
    if (url) location.assign(url);
    else if (productId) $('notice').replaceChildren('The assistant showed you ', Object.assign(document.createElement('a'), { href: productLink(productId), textContent: `product ${productId}` }), '.');
  });
  assistant.on('handoff-started', ({ reference }) => { $('notice').textContent = `A member of our team will join the chat (reference ${reference}).`; });
});

drawBasket();
drawPage().catch(() => { $('notice').textContent = 'The products could not be loaded.'; });
setUpSignIn();
