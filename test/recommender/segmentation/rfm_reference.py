"""Independent reference for the RFM counts (standard library only; numpy is used to cross-check edges if present).

Reproduces the analysts' pandas recipe:
  recency = (as_of midnight - last purchase).days ; frequency = InvoiceNo.nunique() ; monetary = sum(qty * price)
  R = pd.qcut(recency, 5, labels=[5,4,3,2,1]) ; F = pd.qcut(frequency.rank(method="first"), 5, labels=[1..5])
  M = pd.qcut(monetary, 5, labels=[1..5]) ; segment = regex map over f"{R}{F}"
Usage: python3 rfm_reference.py <online_retail.csv.gz> YYYY-MM-DD  -> prints JSON counts
"""
import bisect, csv, datetime, gzip, io, json, re, sys

NON_PRODUCT = {'POST', 'DOT', 'M', 'D', 'C2', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS', 'S', 'B'}
SEG_MAP = {
    r'[1-2][1-2]': 'hibernating', r'[1-2][3-4]': 'at_risk', r'[1-2]5': 'cant_lose', r'3[1-2]': 'about_to_sleep',
    r'33': 'need_attention', r'[3-4][4-5]': 'loyal_customers', r'41': 'promising', r'51': 'new_customers',
    r'[4-5][2-3]': 'potential_loyalists', r'5[4-5]': 'champions',
}

def quantile_edges(sorted_values, q=5):
    """numpy 'linear' quantiles at np.linspace(0, 1, q+1) (pandas passes them as percents: *100 then /100)."""
    n = len(sorted_values)
    edges = []
    for i in range(q + 1):
        level = 1.0 if i == q else (i * (1.0 / q)) * 100.0 / 100.0
        virtual = (n - 1) * level
        if virtual >= n - 1:
            edges.append(float(sorted_values[-1])); continue
        lo = int(virtual // 1); t = virtual - lo
        a, b = float(sorted_values[lo]), float(sorted_values[lo + 1])
        d = b - a
        edges.append(b - d * (1 - t) if t >= 0.5 else a + d * t)
    return edges

def qcut(values, labels):
    edges = quantile_edges(sorted(values))
    if len(set(edges)) != len(edges):
        raise ValueError('Bin edges must be unique: %r' % edges)
    out = []
    for v in values:
        i = bisect.bisect_left(edges, v)
        if v == edges[0]: i = 1
        out.append(labels[i - 1])
    return out, edges

def main(path, as_of):
    midnight = datetime.datetime.strptime(as_of, '%Y-%m-%d')
    last, invoices, total, comp = {}, {}, {}, {}
    with gzip.open(path, 'rt', encoding='utf-8', newline='') if path.endswith('.gz') else open(path, newline='') as f:
        for row in csv.DictReader(f):
            cid = row['CustomerID'].strip()
            if cid.endswith('.0'): cid = cid[:-2]
            inv, code = row['InvoiceNo'], row['StockCode']
            qty, price = float(row['Quantity']), float(row['UnitPrice'])
            if not cid or inv.upper().startswith('C') or qty <= 0 or price <= 0: continue
            if code.upper() in NON_PRODUCT or not re.search(r'\d', code): continue
            when = datetime.datetime.strptime(row['InvoiceDate'], '%Y-%m-%d %H:%M:%S')
            last[cid] = max(last.get(cid, when), when)
            invoices.setdefault(cid, set()).add(inv)
            y = qty * price - comp.get(cid, 0.0); s = total.get(cid, 0.0); t = s + y  # Kahan, as pandas groupby sum
            comp[cid] = (t - s) - y; total[cid] = t
    ids = sorted(last, key=lambda c: int(c))  # groupby sorts the numeric CustomerID
    recency = [(midnight - last[c]).days for c in ids]
    frequency = [len(invoices[c]) for c in ids]
    monetary = [total[c] for c in ids]
    order = sorted(range(len(ids)), key=lambda i: (frequency[i], i))  # rank(method="first")
    ranks = [0] * len(ids)
    for r, i in enumerate(order): ranks[i] = r + 1
    r_scores, r_edges = qcut(recency, [5, 4, 3, 2, 1])
    f_scores, f_edges = qcut(ranks, [1, 2, 3, 4, 5])
    m_scores, m_edges = qcut(monetary, [1, 2, 3, 4, 5])
    try:
        import numpy as np
        for values, edges in ((recency, r_edges), (ranks, f_edges), (monetary, m_edges)):
            assert list(np.percentile(np.array(values, dtype=float), np.linspace(0, 1, 6) * 100.0)) == edges, 'numpy disagrees'
    except ImportError:
        pass
    counts = {}
    for r, f in zip(r_scores, f_scores):
        cell = '%d%d' % (r, f)
        name = next(n for p, n in SEG_MAP.items() if re.fullmatch(p, cell))
        counts[name] = counts.get(name, 0) + 1
    print(json.dumps({'asOf': as_of, 'customers': len(ids), 'rfm': dict(sorted(counts.items())),
                      'edges': {'recency': r_edges, 'frequency_rank': f_edges, 'monetary': m_edges},
                      'scores': {c: [r, f, m] for c, r, f, m in zip(ids, r_scores, f_scores, m_scores)}}))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
