#!/usr/bin/env python3
"""Independent computation of the expected figures of the SIRENE tests (no Java, no projection
library): pure-Python ray casting of the sample's own WGS84 columns (y_latitude, x_longitude)
against the 2024 QPV contours. Usage: python3 sirene_expected_counts.py ../shared/data"""
import csv, json, sys, collections

data = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
feats = json.load(open(f'{data}/reference/qpv/qpv2024_contours_simplifies.geojson'))['features']

def rings(geom):
    polys = geom['coordinates'] if geom['type'] == 'MultiPolygon' else [geom['coordinates']]
    return polys

def inside_ring(x, y, ring):
    c = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < xi:
                c = not c
    return c

qpv = []
for f in feats:
    polys = rings(f['geometry'])
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    qpv.append((f['properties']['code_qp'], f['properties']['insee_com'], polys, min(xs), max(xs), min(ys), max(ys)))

def locate(lon, lat):
    for code, com, polys, x0, x1, y0, y1 in qpv:
        if x0 <= lon <= x1 and y0 <= lat <= y1:
            for poly in polys:
                if inside_ring(lon, lat, poly[0]) and not any(inside_ring(lon, lat, h) for h in poly[1:]):
                    return code
    return None

geo = {}
for r in csv.DictReader(open(f'{data}/samples/sirene/GeolocalisationEtablissement_echantillon.csv', encoding='utf-8'), delimiter=';'):
    geo[r['siret']] = r

per_qpv = collections.Counter()
creations = collections.defaultdict(collections.Counter)
marseille_creations = collections.Counter()
status = collections.Counter()
for r in csv.DictReader(open(f'{data}/samples/sirene/StockEtablissement_echantillon.csv', encoding='utf-8')):
    if r['etatAdministratifEtablissement'] != 'A':
        continue
    g = geo.get(r['siret'])
    code = None
    if g is None or not g['x_longitude']:
        status['INDETERMINE'] += 1
    else:
        code = locate(float(g['x_longitude']), float(g['y_latitude']))
        status['DANS_QPV' if code else 'HORS_QPV'] += 1
        if code:
            per_qpv[code] += 1
    com = r['codeCommuneEtablissement']
    y = r['dateCreationEtablissement'][:4]
    if y and '13201' <= com <= '13216':
        marseille_creations[y] += 1
        if code:
            creations[code][y] += 1

print('status', dict(status))
for code, n in sorted(per_qpv.items()):
    if code.startswith('QN013') or code.startswith('QN034') or code.startswith('QN97'):
        print(code, n)
# Rows whose Lambert-93 x/y (EPSG 2154 in the sample, overseas included) lie outside mainland
# France's extent: the import must locate them by their WGS84 columns instead.
off = [s for s, g in geo.items() if g['x'] and not (0 < float(g['x']) < 1.3e6 and 6.0e6 < float(g['y']) < 7.2e6)]
print('x/y outside the mainland extent', len(off))
print('marseille creations by year', sorted(marseille_creations.items())[-12:])
best = per_qpv.most_common()
print('top QPV', best[:8])
for code in [c for c, _ in per_qpv.most_common() if c.startswith('QN013')][:3]:
    print('creations', code, sorted(creations[code].items()))
