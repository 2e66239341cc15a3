#!/usr/bin/env python3
"""Builds the request files the wrk scenarios replay, from a seeded database (read-only).

    prepare.py requests DB OUT_DIR   -> list.txt, ceiling.txt, deep.txt, article.txt, search-*.txt,
                                        update-ids.txt, create-template.json, facts.json
    prepare.py etags BASE_URL IN OUT  -> conditional requests: each path of IN with its current ETag

Paths are written one per line; extra request headers follow a TAB as "Name: value".
"""
import base64
import datetime
import http.client
import json
import sqlite3
import sys
import urllib.parse

LIST_QUERY = "limit=20&include=authors,tags"
# The search terms the seed generator plants (src/ContentApi/Seeding/SeedContentGenerator.cs).
SEARCH_TERMS = {"search-rare": "石墨烯", "search-common-cjk": "模型", "search-latin": "Kubernetes"}
DEEP_POSITIONS = 300      # distinct cursors around 90 % of the library
ARTICLE_SLUGS = 2000      # distinct slugs for the article and conditional scenarios
UPDATE_IDS = 5000         # articles the update scenario patches at random


def encode_cursor(sort_key, value, row_id):
    """Same as Cursor.Encode in src/ContentApi/Http/Lists/Paging.cs: base64url (no padding) of ["sort", "value", "id"]."""
    raw = json.dumps([sort_key, value, str(row_id)], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def spread(items, count):
    """Up to `count` items taken evenly across `items`, in order."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def requests(db_path, out):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    # What anonymous callers see, in the default order (-publishedAt, ties by id descending).
    visible = db.execute(
        "SELECT id, slug, published_at FROM articles WHERE status = 'published' AND published_at <= ? "
        "ORDER BY published_at DESC, id DESC", (now,)).fetchall()
    n = len(visible)
    if n < 100:
        sys.exit(f"prepare.py: only {n} visible articles; seed at least a few hundred")
    list_path = f"/api/v1/articles?{LIST_QUERY}"
    write_lines(f"{out}/list.txt", [list_path])
    write_lines(f"{out}/ceiling.txt", ["/bench/ceiling"])

    # Deep pages: a page that starts at position p has the cursor of row p-1. Positions 88-92 %.
    first, last = int(n * 0.88), min(int(n * 0.92), n - 20)
    positions = sorted(set(spread(range(first, last + 1), DEEP_POSITIONS)))
    deep = [f"{list_path}&cursor={encode_cursor('-publishedAt', visible[p - 1][2], visible[p - 1][0])}" for p in positions]
    write_lines(f"{out}/deep.txt", deep)

    slugs = spread([row[1] for row in visible], ARTICLE_SLUGS)
    write_lines(f"{out}/article.txt", [f"/api/v1/articles/slug/{urllib.parse.quote(s, safe='')}" for s in slugs])

    for name, term in SEARCH_TERMS.items():
        write_lines(f"{out}/{name}.txt", [f"/api/v1/search?q={urllib.parse.quote(term, safe='')}&limit=20"])

    all_ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]
    write_lines(f"{out}/update-ids.txt", [str(i) for i in spread(all_ids, UPDATE_IDS)])

    # Create: a copy of a real seeded Traditional Chinese article of about 3,000 characters (its body,
    # authors, tags and images), published, under a slug the Lua script makes unique per request.
    source = db.execute(
        "SELECT id, title, subtitle, body, language, cover_image_id FROM articles "
        "WHERE language = 'zh-Hant' AND status = 'published' ORDER BY abs(length(body) - 3000), id LIMIT 1").fetchone()
    if source is None:
        sys.exit("prepare.py: no zh-Hant article to copy for the create scenario")
    article_id, title, subtitle, body, language, cover = source

    def related(table, column):
        return [r[0] for r in db.execute(f"SELECT {column} FROM {table} WHERE article_id = ? ORDER BY position", (article_id,))]

    template = {
        "title": title, "subtitle": subtitle, "body": body, "language": language, "status": "published",
        "slug": "__SLUG__", "authorIds": related("article_authors", "author_id"), "tagIds": related("article_tags", "tag_id"),
        "coverImageId": cover, "imageIds": related("article_images", "image_id"),
    }
    with open(f"{out}/create-template.json", "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in template.items() if v is not None}, f, ensure_ascii=False)

    facts = {
        "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "visible_articles": n,
        "deep_cursors": len(deep), "deep_positions_pct": [round(100 * positions[0] / n, 1), round(100 * positions[-1] / n, 1)],
        "article_slugs": len(slugs), "update_ids": min(len(all_ids), UPDATE_IDS),
        "create_body_chars": len(body), "create_source_article": article_id,
    }
    with open(f"{out}/facts.json", "w", encoding="utf-8") as f:
        json.dump(facts, f)
    print(json.dumps(facts))


def etags(base_url, source_file, out_file):
    """GET each path once (one keep-alive connection) and write it back with If-None-Match: its ETag."""
    url = urllib.parse.urlsplit(base_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    lines, failed = [], 0
    with open(source_file, encoding="utf-8") as f:
        paths = [line.split("\t")[0] for line in f.read().splitlines() if line]
    for path in paths:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        etag = response.getheader("ETag")
        if response.status == 200 and etag:
            lines.append(f"{path}\tIf-None-Match: {etag}")
        else:
            failed += 1
    connection.close()
    if not lines:
        sys.exit(f"prepare.py: no ETag for any of {len(paths)} paths")
    write_lines(out_file, lines)
    print(f"{len(lines)} paths with ETags" + (f", {failed} without (skipped)" if failed else ""))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "requests":
        requests(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "etags":
        etags(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
