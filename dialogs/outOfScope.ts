/**
 * Messages the assistant cannot act on but can answer helpfully: questions about an order, a delivery, a return or
 * a refund (the team handles those, so the shopper is offered a person), and messages in another language (the
 * recognizer knows English only, so "not understood" would be the wrong thing to say).
 */

/** Order-service words: where an order is, delivery, returns, refunds, damaged or missing items. */
const SERVICE_TOPIC = new RegExp([
  String.raw`\b(where('?s| is| are)|track(ing)?|status of|has(n'?t| not) (arrived|come)|not (arrived|here yet)|still waiting for)\b.*\b(order|parcel|package|delivery|items?)\b`,
  String.raw`\b(my|an|the|this) (order|parcel|package|delivery)\b.*\b(late|missing|lost|damaged|broken|wrong|arrive[ds]?|cancel(led)?|on (its|the) way|shipped|dispatched)\b`,
  String.raw`\b(return (it|this|that|them|an? (item|order|product|present|gift))|returns|return policy|refunds?|money back|exchange (it|this|that|an item)|send (it|this|that|them) back)\b`,
  String.raw`\b((delivery|shipping|postage) (times?|costs?|charges?|options|to)|how (much|long) (is|does|for) (the )?(delivery|shipping|postage))\b`,
  String.raw`\b(pay(ing)? (with|by|using|in (instalments|installments))|payment (methods?|options)|(take|accept) (paypal|cards?|credit cards?|amex|apple pay|google pay|klarna)|paypal|klarna|apple pay|google pay|discount codes?|promo(tion(al)?)? codes?|voucher codes?)\b`,
].join('|'), 'i');

export function isServiceQuestion(text: string): boolean {
  return SERVICE_TOPIC.test(text);
}

/** About the shop itself: opening hours, how to reach it, where it is. The team knows; the assistant does not. */
const SHOP_INFO = new RegExp([
  String.raw`\b(opening (hours|times)|open(ing)? hours|what time do you (open|close)|are you open|when are you open)\b`,
  String.raw`\b(contact (you|us|details|number|the (shop|store|team))|how (can|do) i (contact|reach|call|phone|email) (you|the (shop|store|team)))\b`,
  String.raw`\b(your|the (shop|store)'?s?) (phone|telephone) number\b|\bcustomer (service|services|care) (number|phone|email)\b`,
  String.raw`\b(where are you (based|located)|where is (your|the) (shop|store|warehouse)|(your|the shop'?s?|the store'?s?) (postal )?address)\b`,
].join('|'), 'i');

export function isShopInfoQuestion(text: string): boolean {
  return SHOP_INFO.test(text);
}

const COMPLAINT = /\b(complain(t|ts|ing)?|make a complaint|not happy with (my|the|your) (order|service|delivery|parcel))\b/i;

/** "I want to complain": the team hears complaints; the survey is for this chat, not for what went wrong. */
export function isComplaint(text: string): boolean {
  return COMPLAINT.test(text);
}

/** A few very common words of the shop's other customers' languages, none of them English words. */
const LANGUAGES: { name: string; words: ReadonlySet<string> }[] = [
  { name: 'French', words: new Set(['bonjour', 'merci', 'je', 'cherche', 'cadeau', 'pour', 'ma', 'mon', 'vous', 'avez', 'est', 'une', 'un', 'des', 'le', 'la', 'les', 'pas', 'oui', 'bonsoir', 'avec', 'moins', 'euros']) },
  { name: 'German', words: new Set(['hallo', 'guten', 'tag', 'ich', 'suche', 'ein', 'eine', 'geschenk', 'für', 'meine', 'meinen', 'danke', 'bitte', 'haben', 'sie', 'nicht', 'und', 'unter', 'mit', 'ja', 'nein']) },
  { name: 'Spanish', words: new Set(['hola', 'busco', 'regalo', 'para', 'mi', 'gracias', 'por', 'favor', 'tienen', 'quiero', 'una', 'menos', 'de', 'el', 'los', 'las', 'sí', 'buenos', 'días']) },
  { name: 'Dutch', words: new Set(['hallo', 'ik', 'zoek', 'een', 'cadeau', 'voor', 'mijn', 'bedankt', 'alstublieft', 'hebben', 'jullie', 'niet', 'en', 'dank', 'graag']) },
];

/** The language a message not understood in English seems to be in, if two or more of its words say so. */
export function otherLanguageOf(text: string): string | null {
  const words = text.toLowerCase().normalize('NFC').match(/[\p{L}']+/gu) ?? [];
  let best: { name: string; hits: number } | null = null;
  for (const language of LANGUAGES) {
    const hits = words.filter((w) => language.words.has(w)).length;
    if (hits >= 2 && hits * 2 >= words.length && (!best || hits > best.hits)) best = { name: language.name, hits };
  }
  return best?.name ?? null;
}
