import { isChargeLine } from '../../domain/chargeLines';

describe('charge lines', () => {
  it.each(['Next Day Carriage', 'Packing Charge', 'POSTAGE', 'Delivery charge', 'Express Shipping', 'Gift Wrap Fee', 'P&P'])('%j is a charge, never suggested', (name) => {
    expect(isChargeLine(name)).toBe(true);
  });

  it.each(['French Carriage Lantern', 'Black Baroque Carriage Clock', 'Zinc Heart Lattice Charger Large', 'Delivery Van Money Box', 'Postage Stamp Notebook', 'Feel Good Card'])('%j is a product', (name) => {
    expect(isChargeLine(name)).toBe(false);
  });
});
