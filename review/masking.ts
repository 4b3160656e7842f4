/** What each staff role may see of a customer's contact details. */
import type { Customer } from '../domain/model';
import type { StaffRole } from '../data/console/schema';
import { redact } from '../domain/redact';

export interface CustomerView {
  id: string;
  displayName: string;
  email: string;
  postcode: string;
  country: string;
  consent: Customer['consent'];
  erased: boolean;
  contactMasked: boolean;
}

export function customerView(customer: Customer, role: StaffRole): CustomerView {
  const masked = role !== 'admin';
  const hidden = `•••• (hidden for ${role}s)`;
  return {
    id: customer.id,
    // A display name could itself hold contact details; agents get it redacted.
    displayName: masked ? redact(customer.displayName) : customer.displayName,
    email: masked ? hidden : customer.email,
    postcode: masked ? hidden : customer.postcode,
    country: customer.country,
    consent: customer.consent,
    erased: customer.erasedAt !== undefined,
    contactMasked: masked,
  };
}

export function displayNameFor(customer: Customer | undefined, role: StaffRole): string | null {
  if (!customer) return null;
  return role === 'admin' ? customer.displayName : redact(customer.displayName);
}
