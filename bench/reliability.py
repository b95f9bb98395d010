#!/usr/bin/env python3
"""Reliability of the confidence that `gleaner extract --explain` gives each field: the extracted values of the
visible sets are compared with their truth the way the shared scorers compare them (their own functions,
imported from TOOLS), and the share right is printed per field and confidence bin.

usage: reliability.py TOOLS DATA OUT [--wrong]

DATA holds article-extraction-benchmark, readability-test-pages and fundus-test-pages; OUT holds
body-explain.jsonl, metadata-explain.jsonl and fundus-explain.jsonl (gleaner extract --explain --format jsonl).
A field counts only where the set labels it and we gave a value (confidence is about values given); a page
labelled with no date where we give one counts as wrong. Dates: the same day when either side has no time,
else the same minute. --wrong lists the values at confidence 0.9 or more that are wrong.
"""
import json
import sys
from collections import defaultdict
from pathlib import Path

BINS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
HIGH = 0.9


def load(path):
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            records.append(json.loads(line))
    return records


def confidence(record, field):
    explained = (record.get("explain") or {}).get("fields", {}).get(field)
    return (explained or {}).get("confidence"), (explained or {}).get("source")


def url_key(url):
    """The address without scheme, www., query and fragment: the sets label the fetched address (with feed
    tracking parameters), the record holds the canonical one."""
    url = (url or "").strip().lower().split("#")[0].split("?")[0]
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix):]
    if url.startswith("www."):
        url = url[4:]
    return url.rstrip("/")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    tools, data, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    show_wrong = "--wrong" in sys.argv
    sys.path.insert(0, str(tools))
    import score_fields
    import score_metadata

    outcomes = defaultdict(list)  # field -> [(confidence, right, detail)]

    def judge(field, record, ours, truth, same, set_name):
        conf, source = confidence(record, field)
        value = record.get(ours)
        if score_fields.empty(value) or conf is None:
            return
        right = bool(same(truth, value)) if not score_fields.empty(truth) else False
        outcomes[field].append((conf, right, f"{set_name} {Path(record['path']).name} {field}: {value!r} vs {truth!r} from {source}"))

    def same_day_or_minute(truth, value):
        """fundus: the same day where we give no time or the truth's time is a bare midnight (no time known), else
        the same minute as score_fields' datetime compares it (an offset-less side as wall-clock time)."""
        if "T" not in value or truth.strip().endswith(" 00:00:00"):
            return score_fields.day(truth) == score_fields.day(value)
        return score_fields.same_minute(value, truth)

    # article-extraction-benchmark: only the URL is labelled besides the body.
    body_truth = json.loads((data / "article-extraction-benchmark/ground-truth.json").read_text(encoding="utf-8"))
    for record in load(out / "body-explain.jsonl"):
        item = body_truth.get(Path(record["path"]).name.split(".")[0])
        if item and item.get("url"):
            judge("url", record, "url", item["url"], lambda t, g: url_key(t) == url_key(g), "body")

    # readability-test-pages: the scorer's own comparisons.
    pages = data / "readability-test-pages"
    for record in load(out / "metadata-explain.jsonl"):
        expected_file = pages / Path(record["path"]).parent.name / "expected-metadata.json"
        if not expected_file.exists():
            continue
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        for truth_key, (ours, same) in score_metadata.FIELDS.items():
            field = {"byline": "authors", "excerpt": "description", "siteName": "site_name", "publishedTime": "published", "lang": "language"}.get(truth_key, truth_key)
            if expected.get(truth_key):
                judge(field, record, ours, expected[truth_key], same, "readability")

    # fundus-test-pages: the scorer's comparisons; the date to the minute where we give a time.
    truth = json.loads((data / "fundus-test-pages/truth.json").read_text(encoding="utf-8"))
    by_file = {Path(item["file"]).name: item for item in truth.values()}
    for record in load(out / "fundus-explain.jsonl"):
        item = by_file.get(Path(record["path"]).name)
        if not item:
            continue
        if "title" in item:
            judge("title", record, "title", item["title"], lambda t, g: score_fields.norm(t) == score_fields.norm(g), "fundus")
        if "authors" in item:
            judge("authors", record, "authors", item["authors"], lambda t, g: score_fields.name_words(t) == score_fields.name_words(g), "fundus")
        if "date" in item:
            judge("published", record, "published", item["date"], same_day_or_minute, "fundus")
        if item.get("url"):
            judge("url", record, "url", item["url"], lambda t, g: url_key(t) == url_key(g), "fundus")

    header = "field        " + "".join(f"  [{lo:.1f},{min(hi, 1):.1f}{']' if hi > 1 else ')'}      " for lo, hi in BINS)
    print(header)
    high_right = high_total = 0
    for field in sorted(outcomes):
        cells = []
        for lo, hi in BINS:
            inside = [right for conf, right, _ in outcomes[field] if lo <= conf < hi]
            cells.append(f"  {sum(inside) / len(inside):.3f} n={len(inside):<4}" if inside else "  -      n=0   ")
        print(f"{field:<13}" + "".join(cells))
        for conf, right, _ in outcomes[field]:
            if conf >= HIGH:
                high_total += 1
                high_right += right
    for lo, hi in BINS:
        inside = [right for values in outcomes.values() for conf, right, _ in values if lo <= conf < hi]
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        print(f"all {lo:.1f}-{min(hi, 1):.1f}: {share} right of {len(inside)}")
    if show_wrong:
        for field in sorted(outcomes):
            for conf, right, detail in outcomes[field]:
                if conf >= HIGH and not right:
                    print(f"wrong at {conf:.2f}: {detail}")
    share = high_right / high_total if high_total else 0.0
    print(f"reliability: confidence >= {HIGH}: {high_right}/{high_total} right ({share:.3f})")


if __name__ == "__main__":
    main()
