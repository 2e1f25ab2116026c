"""Search latency on the warm benchmark index: short queries, long queries, and a naive reference.

Short queries (~200): Vietnamese legal and Party terms typed with and without diacritics,
document numbers, "phrase queries". Long queries: the 100 ALQAC 2023 questions and 50 "pasted
sentences" (20–40 words cut from law articles, as when someone looks for a quotation's source).

Every query goes through ``kb.index.search.Searcher.search`` (limit 10) with snippets (the real
user path) and without. The segmentation caches are cleared before every measured query, so query
analysis with underthesea is paid as a new query would pay it. The cache of decoded posting lists
(``kb.index.postings``) is cleared before every query too ("cold postings"), except in the rows
marked warm, where an earlier pass over the same queries has filled it, as a busy server's is.
For reference the long queries are also run as a naive Whoosh OR of every syllable over the
``syl`` field.

Usage: .venv/bin/python benchmarks/search_latency.py [--quick] [--profile]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import time
from pathlib import Path

from build_bench_corpus import ensure_index
from common import DATA, ROOT, law_articles, md_table, percentile, read_jsonl, write_result

from kb.analysis import segment as seg
from kb.analysis.analyzer import canonical_token
from kb.analysis.fold import fold
from kb.config import load_config
from kb.index import analyzers
from kb.index.postings import CACHE
from kb.index.search import Searcher

TERMS = """
quyền và nghĩa vụ của công dân; hợp đồng lao động; bảo hiểm xã hội; bảo hiểm y tế;
xử phạt vi phạm hành chính; tội lừa đảo chiếm đoạt tài sản; tham nhũng; phòng chống tham nhũng;
quyền sử dụng đất; giấy chứng nhận quyền sử dụng đất; thừa kế theo di chúc; ly hôn;
nuôi con nuôi; kết hôn; hộ tịch; đăng ký thường trú; cư trú; căn cước công dân;
an ninh mạng; bảo vệ môi trường; đánh giá tác động môi trường; ma túy; cai nghiện bắt buộc;
trật tự an toàn giao thông; nồng độ cồn; giấy phép lái xe; thuế thu nhập cá nhân;
thuế giá trị gia tăng; doanh nghiệp nhà nước; phá sản doanh nghiệp; đầu tư công; đấu thầu;
ngân sách nhà nước; kiểm toán độc lập; xuất bản; báo chí; khiếu nại tố cáo; tiếp công dân;
tố tụng dân sự; tố tụng hình sự; án treo; tạm giam; bồi thường thiệt hại; hợp đồng mua bán;
Bộ Chính trị; Ban Chấp hành Trung ương; Ban Bí thư; chi bộ; đảng viên; kết nạp đảng viên;
sinh hoạt chi bộ; kiểm tra giám sát; kỷ luật đảng viên; tự phê bình và phê bình;
xây dựng chỉnh đốn Đảng; học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh;
cải cách hành chính; chuyển đổi số; nông thôn mới; giảm nghèo bền vững; quốc phòng an ninh;
Hội đồng nhân dân; Ủy ban nhân dân; Mặt trận Tổ quốc; Quốc hội; Chính phủ; Thủ tướng;
giáo dục đào tạo; y tế; dịch Covid-19; vắc xin; thương hiệu; xuất khẩu; bóng đá; du lịch;
giá xăng; thị trường chứng khoán; lãi suất ngân hàng; phòng cháy chữa cháy; thủy lợi;
mua bán người; hàng hải; lao động nữ; người cao tuổi; trẻ em; người khuyết tật; thanh niên;
biển đảo; biên giới; dân tộc thiểu số; tôn giáo; tín ngưỡng; di sản văn hóa; sở hữu trí tuệ
"""

NUMBERS = """05-CT/TW; Chỉ thị 05-CT/TW; 18-NQ/TW; Nghị quyết 18-NQ/TW; 68/2020/QH14; Luật 68/2020/QH14;
45/2019/QH14; 100/2015/QH13; 91/2015/QH13; 15/2020/NĐ-CP; Nghị định 100/2019/NĐ-CP;
Quyết định 1318/QĐ-TTg; 35-NQ/TW; 21-CT/TW; Kết luận 01-KL/TW; Quy định 37-QĐ/TW;
Hướng dẫn 12-HD/BTCTW; 10/2012/QH13; 52/2014/QH13; 05 CT TW"""

PHRASES = ["hợp đồng lao động", "quyền sử dụng đất", "chiếm đoạt tài sản", "phạm vi điều chỉnh",
           "giải thích từ ngữ", "đối tượng áp dụng", "Ủy ban nhân dân cấp tỉnh",
           "trách nhiệm hình sự", "Bộ Chính trị", "người sử dụng lao động", "an ninh mạng",
           "bồi thường thiệt hại", "vi phạm hành chính", "tổ chức tín dụng", "hiệu lực thi hành",
           "kết nạp đảng viên", "chi bộ", "quyền con người", "tự do cư trú", "cơ sở dữ liệu"]


def short_queries() -> list[str]:
    """About 200 short queries (1–5 words): terms with and without diacritics, numbers, phrases."""
    terms = [t.strip() for t in TERMS.replace("\n", " ").split(";") if t.strip()]
    terms = [t for t in terms if len(t.split()) <= 5]
    folded = [fold(t) for i, t in enumerate(terms) if i % 3]  # two in three typed unmarked
    numbers = [t.strip() for t in NUMBERS.replace("\n", " ").split(";") if t.strip()]
    phrases = [f'"{p}"' for p in PHRASES]
    return terms + folded + numbers + phrases


def pasted_sentences(count: int = 50, seed: int = 7) -> list[str]:
    """``count`` sentences of 20–40 words cut from law articles (a fixed random sample)."""
    pool = []
    for doc in law_articles():
        for sentence in re.split(r"(?<=[.;:])\s+|\n", doc.text):
            if 20 <= len(sentence.split()) <= 40:
                pool.append(sentence.strip())
    return random.Random(seed).sample(pool, count)


def long_queries(quick: bool) -> list[str]:
    """The ALQAC questions plus pasted sentences."""
    questions = [r["text"] for r in read_jsonl(DATA / "alqac2023" / "queries.jsonl")]
    if quick:
        return questions[:30] + pasted_sentences(15)
    return questions + pasted_sentences(50)


def clear_caches(postings_too: bool = True) -> None:
    """Forget cached segmentations (and decoded postings), so a query pays its analysis and its
    reads as a new query does."""
    seg.segment_line.cache_clear()
    analyzers._CACHE.clear()
    if postings_too:
        CACHE.clear()


def measure(run, queries: list[str], repeat: int = 1,
            cold: bool = True) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``run(query)`` for every query (best of ``repeat``)."""
    walls, cpus = [], []
    for q in queries:
        best_wall, best_cpu = float("inf"), float("inf")
        for _ in range(repeat):
            clear_caches(postings_too=cold)
            start, cpu = time.perf_counter(), time.process_time()
            run(q)
            best_wall = min(best_wall, (time.perf_counter() - start) * 1000)
            best_cpu = min(best_cpu, (time.process_time() - cpu) * 1000)
        walls.append(best_wall)
        cpus.append(best_cpu)
    return walls, cpus


def naive_or(searcher: Searcher):
    """A function running the naive reference: Or of Term("syl", s) for every syllable."""
    from whoosh import query as Q

    whoosh_searcher = searcher._searcher

    def run(q: str):
        syllables = dict.fromkeys(canonical_token(w) for w in re.findall(r"\w+", q))
        query = Q.Or([Q.Term("syl", s) for s in syllables])
        return [hit.fields()["id"] for hit in whoosh_searcher.search(query, limit=10)]

    return run


def row(label: str, n: int, walls: list[float], cpus: list[float]) -> list:
    """A table row: p50/p95/max wall ms and p50/p95 CPU ms."""
    return [label, n, round(percentile(walls, 50), 1), round(percentile(walls, 95), 1),
            round(max(walls), 1), round(percentile(cpus, 50), 1), round(percentile(cpus, 95), 1)]


HEADER = ["queries", "n", "p50 ms", "p95 ms", "max ms", "p50 CPU ms", "p95 CPU ms"]


def run_benchmark(index: Path, quick: bool, search_fn=None) -> tuple[list[list], dict]:
    """Latency rows for the short, long and naive runs (``search_fn`` replaces kb's search)."""
    config = load_config({"index": str(index)})
    shorts, longs = short_queries(), long_queries(quick)
    rows, raw = [], {}
    with Searcher(config) as searcher:
        search = search_fn(searcher) if search_fn else searcher.search
        for q in shorts + longs:  # warm up: index files, model, caches of Whoosh
            search(q, limit=10, snippets=True)
        for label, queries in (("short (1–5 words)", shorts), ("long (ALQAC + pasted)", longs)):
            for snippets, cold in ((True, True), (False, True), (True, False)):
                if not cold:
                    for q in queries:
                        search(q, limit=10, snippets=snippets)
                walls, cpus = measure(lambda q: search(q, limit=10, snippets=snippets), queries,
                                      cold=cold)
                name = f"{label}, snippets {'on' if snippets else 'off'}" \
                    + ("" if cold else ", warm postings")
                rows.append(row(name, len(queries), walls, cpus))
                raw[name] = list(zip(queries, walls))
                print(rows[-1], flush=True)
        if search_fn is None:
            naive = naive_or(searcher)
            for q in longs:
                naive(q)
            walls, cpus = measure(naive, longs)
            rows.append(row("long, naive Whoosh OR of all syllables (reference)", len(longs),
                            walls, cpus))
            print(rows[-1], flush=True)
    return rows, raw


def profile_queries(index: Path, queries: list[str], top: int = 15) -> str:
    """A pyinstrument profile of running ``queries`` (caches cleared before each): top functions
    by inclusive and by self time, as Markdown."""
    from pyinstrument import Profiler

    config = load_config({"index": str(index)})
    with Searcher(config) as searcher:
        for q in queries:
            searcher.search(q, limit=10, snippets=True)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for q in queries:
            clear_caches()
            searcher.search(q, limit=10, snippets=True)
        session = profiler.stop()
    root = session.root_frame()
    inclusive: dict[str, float] = {}
    own: dict[str, float] = {}

    def walk(frame, stack):
        key = _key(frame)
        if key not in stack:
            inclusive[key] = inclusive.get(key, 0.0) + frame.time
        own[key] = own.get(key, 0.0) + frame.total_self_time
        for child in frame.children:
            walk(child, stack | {key})

    walk(root, frozenset())
    total = root.time
    skip = ("benchmarks/", "pyinstrument", "[self]", "<module>", "search (kb/index/search.py")
    out = [f"Profile of {len(queries)} queries, {total:.2f} s in all "
           f"({1000 * total / len(queries):.0f} ms per query).\n"]
    for title, data in (("inclusive time", inclusive), ("self time", own)):
        items = [(k, v) for k, v in sorted(data.items(), key=lambda kv: -kv[1])
                 if not any(s in k for s in skip)][:top]
        out.append(f"\nTop functions by {title}:\n\n" + md_table(
            ["function (file:line)", "s", "% of total"],
            [[f"`{k}`", round(v, 2), f"{100 * v / total:.0f}%"] for k, v in items]))
    return "\n".join(out)


def _key(frame) -> str:
    path = (frame.file_path or "").replace(str(ROOT) + "/", "")
    path = re.sub(r".*site-packages/", "", path)
    return f"{frame.function} ({path}:{frame.line_no})"


def source_state() -> str:
    """The commit of the working tree, and whether kb/index/search.py differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "kb/"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"
    return f"commit {head}" + (" with uncommitted changes in kb/" if dirty else "")


def main() -> None:
    """Command-line entry."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="the ~2,000-document index, fewer queries")
    ap.add_argument("--profile", action="store_true", help="profile the slowest long queries")
    args = ap.parse_args()
    index, info = ensure_index(args.quick)
    rows, raw = run_benchmark(index, args.quick)
    body = (f"Index: {info['documents']:,} documents, {info['mb_text']:.1f} MB of text, "
            f"{info['index_mb']:.0f} MB on disk in {info.get('segments', 1)} segment(s). kb at {source_state()}. Limit 10; one warm-up "
            f"pass first (index files, model); then the caches of query segmentation and of "
            f"decoded postings are cleared before each query, except in the rows marked "
            f"'warm postings' (filled by a pass over the same queries).\n\n"
            + md_table(HEADER, rows)
            + "\n\nTargets: p95 ≤ 50 ms for short queries, ≤ 300 ms for long ones (snippets on, "
            "cold postings).\n")
    slow = sorted(raw["long (ALQAC + pasted), snippets on"], key=lambda qw: -qw[1])[:5]
    body += "\nSlowest long queries (snippets on):\n\n" + md_table(
        ["ms", "query"], [[round(ms, 0), q[:100] + ("…" if len(q) > 100 else "")] for q, ms in slow])
    slow_short = sorted(raw["short (1–5 words), snippets on"], key=lambda qw: -qw[1])[:5]
    body += "\n\nSlowest short queries (snippets on):\n\n" + md_table(
        ["ms", "query"], [[round(ms, 0), q] for q, ms in slow_short])
    name = "search_latency" + ("_quick" if args.quick else "")
    print(body)
    print(f"wrote {write_result(name, 'Search latency', body)}", flush=True)
    if args.profile:
        slowest = [q for q, _ in sorted(raw["long (ALQAC + pasted), snippets on"],
                                        key=lambda qw: -qw[1])[:20]]
        body += ("\n\n## Profile of the 20 slowest long queries\n\n"
                 + profile_queries(index, slowest))
        print(f"wrote {write_result(name, 'Search latency', body)}")


if __name__ == "__main__":
    main()
