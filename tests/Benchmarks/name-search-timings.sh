#!/bin/bash
# Times q on the image and tag lists and tag creates against a server holding tests/Benchmarks/name-search-rows.sql
# (README: q). usage: name-search-timings.sh PORT WRITE_KEY LABEL; each q is distinct, so none is a response-cache hit.
P=$1; K=$2; L=$3; U=http://127.0.0.1:$P/api/v1
t() { curl -s -o /dev/null -w "%{time_total}\n" "$@"; }
med() { sort -n | awk '{a[NR]=$1} END {printf "median %.3f s, min %.3f, max %.3f (n=%d)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
for i in 1 2 3; do t "$U/images?q=zz1" >/dev/null; t -H "Authorization: Bearer $K" "$U/tags?q=warm$i" >/dev/null; done
echo "$L images?q=zzN anonymous: $(for n in $(seq 101 120); do t "$U/images?q=zz$((n*37))"; done | med)"
echo "$L images?q=zzN keyed:     $(for n in $(seq 121 140); do t -H "Authorization: Bearer $K" "$U/images?q=zz$((n*37))"; done | med)"
echo "$L tags?q=tag+N anonymous: $(for n in $(seq 141 160); do t "$U/tags?q=tag%20$((n*37))"; done | med)"
echo "$L tags?q=tag+N keyed:     $(for n in $(seq 161 180); do t -H "Authorization: Bearer $K" "$U/tags?q=tag%20$((n*37))"; done | med)"
echo "$L POST tags:              $(for n in $(seq 1 20); do t -H "Authorization: Bearer $K" -H 'Content-Type: application/json' -d "{\"name\":\"Measured $L $n\"}" "$U/tags"; done | med)"
