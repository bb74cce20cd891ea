# Independent recount of packages/core/src/reference/pooling-evidence.json (Python, no code shared
# with scripts/build-pooling-evidence.mjs); its figures are the expected values of pooling-evidence.test.ts.
# Usage: python3 scripts/recount-pooling-evidence.py (reads /work/shared/data, or $SHARED_DIR/data).
import json,re,unicodedata,glob,csv
import os
D=os.path.join(os.environ.get('SHARED_DIR', '/work/shared'), 'data') + '/'
files=sorted(glob.glob(D+'decp-2019-colinmaudry-decp-json/*.json'))+[D+'decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json',D+'decp-more-real/megalis_decp-59920013600241-2024-07-09-01.json']
cpv08=set(r['CODE'].split('-')[0] for r in csv.DictReader(open(D+'cpv-2008/cpv_2008_fr.csv')))
m03={r['cpv2003_8']:r['cpv2008_8'] for r in csv.DictReader(open(D+'cpv-2003-2008/cpv2003_to_cpv2008_rcpv.csv'))}
def fold(t):
    t=unicodedata.normalize('NFD',t); t=''.join(c for c in t if unicodedata.category(c)!='Mn').lower()
    return re.sub(r'[^a-z0-9\ufffd]+',' ',t).strip()
seen=set(); stats={}
for f in files:
    j=json.load(open(f)); m=j['marches']; m=m if isinstance(m,list) else m['marche']
    for r in m:
        cpv=str(r.get('codeCPV',''))
        if cpv.startswith('12345') or 'le marche du siecle' in fold(str(r.get('objet',''))) or fold(str((r.get('acheteur') or {}).get('nom',''))) =='essentiel': continue
        if 'concession' in str(r.get('_type','')).lower() or r.get('concessionnaires'): continue
        b=str((r.get('acheteur') or {}).get('id','')).strip(); k=b+'|'+str(r.get('id'))
        if k in seen: continue
        seen.add(k)
        d=re.sub(r'\D','',cpv)[:8]
        if len(d)!=8: continue
        if d not in cpv08:
            d=m03.get(d)
            if d is None: continue
        c=d[:4]
        o=fold(str(r.get('objet','')))
        g= bool(re.search(r'\bgroupements? (de |d )?commandes?\b',o) or re.search(r'\bgroupements? d achats?\b',o) or re.search(r'\bgroupement constitu',o))
        s=stats.setdefault(c,[0,0,set()]); s[0]+=1
        if g: s[1]+=1; s[2].add(b[:9])
print('contracts', sum(s[0] for s in stats.values()), 'groupement', sum(s[1] for s in stats.values()))
w=[c for c in stats if c.startswith('45') or c in ('9065','9066')]
print('works', sum(stats[c][0] for c in w), sum(stats[c][1] for c in w))
for c in ['7981','7911','6651','4523','3983','8050','9091','6013','3019']:
    s=stats[c]; print(c, s[0], s[1], len(s[2]))
