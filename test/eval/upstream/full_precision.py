"""Runs Rex-Thinker's evaluation/metric.py (imported unmodified from the folder given) on a ground truth and
prediction files, and prints every average at full precision as JSON, in the shape of humanref-vis's
metrics.json "models" section. Used to check `humanref-vis eval` to the last bit; see test/eval/upstream/README.md.

  python3 full_precision.py <folder holding metric.py> <annotations.jsonl> <name>=<pred.jsonl> ...
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
import metric  # noqa: E402  (upstream's file, unmodified)


def averages(rows):
    data = metric.format_row_data(rows, "", False)
    keys = ["recall_50", "recall_mean", "precision_50", "precision_mean", "density_f1_50", "density_f1_mean", "count"]
    return {k: data[k] for k in keys}


def main():
    gt = [json.loads(line) for line in open(sys.argv[2])]
    out = {}
    for spec in sys.argv[3:]:
        name, path = spec.split("=", 1)
        pred = [json.loads(line) for line in open(path)]
        m = metric.evaluate_dataset(gt, pred)
        homes = {}
        for g in gt:
            homes.setdefault(g["sub_domain"], g["domain"])
        domains = {}
        for d in sorted(m["domain"]):
            subs = {s: averages(v) for s, v in sorted(m["subdomain"].items()) if homes[s] == d}
            domains[d] = {"overall": averages(m["domain"][d]), "subdomains": subs}
        order = {"1": 0, "2-5": 1, "6-10": 2, ">10": 3}
        all_domain = [v for vs in m["domain"].values() for v in vs]
        all_box = [v for vs in m["box_count"].values() for v in vs]
        out[name] = {
            "overall": averages(all_domain),
            "domains": domains,
            "box_count": {r: averages(m["box_count"][r]) for r in sorted(m["box_count"], key=order.get)},
            "box_count_overall": averages(all_box),
            "rejection_correct": m["rejection_score"],
        }
    print(json.dumps(out, indent=2))


main()
