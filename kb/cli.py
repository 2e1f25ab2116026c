"""The ``kb`` command line: thin commands that parse arguments and call library functions."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from kb.config import load_config
from kb.errors import KbError


def _fail(exc: KbError) -> None:
    raise click.ClickException(exc.user_message())


class KbGroup(click.Group):
    """Turns KbError into a Vietnamese message and a non-zero exit instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KbError as exc:
            _fail(exc)


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--index", "index_dir", type=click.Path(file_okay=False), default=None,
              help="Thư mục chỉ mục (mặc định: KB_INDEX hoặc .kb-index).")
@click.version_option(package_name="kb", message="kb %(version)s")
@click.pass_context
def cli(ctx, index_dir):
    """kb — tra cứu văn bản Đảng và Nhà nước bằng tiếng Việt."""
    config = load_config({"index": index_dir})
    logging.basicConfig(level=config["log_level"], format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = config


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True,
              help="Lập lại chỉ mục từ đầu; trong lúc lập vẫn tìm được mọi tài liệu (bản cũ "
                   "hoặc bản mới); nếu bị dừng, lần chạy sau làm tiếp.")
@click.option("--exclude", "exclude", multiple=True, metavar="MẪU",
              help="Bỏ qua các tệp khớp mẫu (cú pháp .gitignore, vd. \"*.csv\", \"nhap/\"); "
                   "dùng được nhiều lần. Có thể đặt mẫu cố định trong tệp .kbignore của thư mục.")
@click.pass_obj
def ingest(config, paths, rebuild, exclude):
    """Nạp tài liệu từ các tệp hoặc thư mục PATHS vào chỉ mục.

    Trong thư mục, các tệp mô tả bộ sưu tập (SOURCE.txt, README, LICENSE, CHANGELOG, index.jsonl...)
    được bỏ qua theo mặc định; tệp được ghi rõ tên trên dòng lệnh thì luôn được nạp.
    """
    from contextlib import closing

    from kb.cli_service import ingest_through_worker, print_ingest_report
    from kb.config import instance_path
    from kb.service.db import connect_instance
    from kb.service.worker import report_dict, run_queued_edits
    from kb.service.writer_lock import WriterLock

    connect_instance(config).close()  # the instance folder holds the writer lock
    lock = WriterLock(instance_path(config))
    if lock.acquire():  # no worker runs: this run is the one writer
        from kb.ingest.pipeline import ingest as run_ingest

        with lock:
            data = report_dict(run_ingest(paths, config, rebuild=rebuild,
                                          progress=_progress(config), exclude=exclude))
            with closing(connect_instance(config)) as conn:  # editors' edits made meanwhile
                run_queued_edits(conn, config)
    else:
        data = ingest_through_worker(config, paths, rebuild, exclude)
    print_ingest_report(data, config)
    if not data["ok"]:
        sys.exit(1)


@cli.command()
@click.option("--repair", is_flag=True, help="Sửa những gì sửa được an toàn.")
@click.pass_obj
def doctor(config, repair):
    """Kiểm tra chỉ mục: khoá ghi bị kẹt, tệp thừa, tài liệu mất tệp nguồn, lược đồ cũ."""
    from kb.index.doctor import SHOWN, examine

    found = examine(Path(config["index"]), repair=repair)
    for f in found.findings:
        mark = "Đã sửa" if f.repaired else ("Lỗi" if f.problem else "Lưu ý")
        click.echo(f"{mark}: {f.message}")
        for item in f.items[:SHOWN]:
            click.echo(f"    {item}")
        if len(f.items) > SHOWN:
            click.echo(f"    … và {len(f.items) - SHOWN} mục khác")
        if f.advice and not f.repaired:
            click.echo(f"    → {f.advice}")
    if found.healthy:
        click.echo(f"Chỉ mục {found.index_dir} không có vấn đề."
                   if not any(f.repaired for f in found.findings)
                   else f"Đã sửa xong chỉ mục {found.index_dir}.")
    else:
        sys.exit(1)


def _progress(config):
    mode = config["progress"]
    if mode == "never" or (mode == "auto" and not sys.stderr.isatty()):
        return None

    def wrap(files):
        with click.progressbar(files, label="Đang nạp", file=sys.stderr,
                               item_show_func=lambda p: p.name if p else "") as bar:
            yield from bar

    return wrap


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--limit", type=int, default=None, help="Số kết quả mỗi trang.")
@click.option("--page", type=int, default=1, help="Trang kết quả (từ 1).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance",
              help="Sắp xếp theo mức liên quan, mới nhất hoặc cũ nhất.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.option("--exact", is_flag=True, help="Tìm đúng như đã gõ, không sửa dấu thanh.")
@click.option("--queries-file", type=click.File("r", encoding="utf-8"), default=None,
              help="Tệp có mỗi dòng một truy vấn; in mỗi kết quả JSON trên một dòng.")
@click.pass_obj
def search(config, query, limit, page, sort, as_json, exact, queries_file):
    """Tìm kiếm QUERY trong chỉ mục."""
    from kb.index.search import Searcher

    if not query and queries_file is None:
        raise click.UsageError("Hãy nhập truy vấn, ví dụ: kb search \"chỉ thị 05\"")
    with Searcher(config) as searcher:
        if queries_file is not None:
            for line in queries_file:
                response = searcher.search(line.rstrip("\n"), limit=limit, page=page, sort=sort,
                                           exact=exact)
                click.echo(json.dumps(response.to_dict(paths=True), ensure_ascii=False))
            return
        response = searcher.search(query, limit=limit, page=page, sort=sort, exact=exact)
    if as_json:
        click.echo(json.dumps(response.to_dict(paths=True), ensure_ascii=False, indent=1))
        return
    _print_results(response)


def _print_results(response) -> None:
    import html
    import re

    if response.corrected:
        click.echo(f"Có phải bạn muốn tìm: «{response.corrected}»? Đang hiển thị kết quả cho "
                   f"«{response.corrected}» (tìm đúng như đã gõ: thêm --exact).")
    if not response.results:
        click.echo(f"Không tìm thấy tài liệu nào cho «{response.query}».")
        return
    if response.relaxed:
        click.echo("Không có tài liệu chứa tất cả các từ; đây là các kết quả gần nhất.")
    click.echo(f"{response.total} kết quả cho «{response.query}» "
               f"(trang {response.page}/{response.pages}):\n")
    for n, r in enumerate(response.results, (response.page - 1) * response.page_size + 1):
        meta = " · ".join(x for x in (r.kind, r.date) if x)
        click.echo(click.style(f"{n}. {r.title}", bold=True) + (f"  [{meta}]" if meta else ""))
        snippet = re.sub(r"</?mark>", lambda m: "" , r.snippet)
        marked = re.sub(r"<mark>(.*?)</mark>",
                        lambda m: click.style(html.unescape(m.group(1)), fg="yellow", bold=True),
                        r.snippet)
        click.echo("   " + (html.unescape(re.sub(r"<(?!/?mark)[^>]*>", "", marked)) if marked else snippet))
        click.echo(f"   id: {r.id}  ·  {r.path}\n")


@cli.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def show(config, ref, as_json):
    """Xem siêu dữ liệu và toàn văn của tài liệu theo ID hoặc đường dẫn."""
    from kb.index.documents import document_view
    from kb.index.search import Searcher

    with Searcher(config) as searcher:
        view = document_view(searcher, _document_ref(searcher, ref), paths=True)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=1))
        return
    click.echo(click.style(view["title"], bold=True))
    for label, key in (("Loại", "kind"), ("Số hiệu", "number"), ("Ngày", "date"),
                       ("Định dạng", "format"), ("Tệp", "path"), ("ID", "id")):
        if view.get(key):
            click.echo(f"{label}: {view[key]}")
    click.echo("")
    click.echo(view["text"])


def _document_ref(searcher, ref: str) -> str:
    """The id of the document ``ref`` names: an id, else the path of an ingested file."""
    from kb.errors import DocumentNotFound

    ref = ref.strip()
    try:
        return searcher.document(ref)["id"]
    except DocumentNotFound:
        return searcher.document_at(ref)["id"]


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def stats(config, as_json):
    """Thống kê chỉ mục: số tài liệu theo loại, định dạng và năm."""
    from kb.index.documents import index_stats
    from kb.index.search import Searcher

    with Searcher(config) as searcher:
        data = index_stats(searcher, paths=True)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"Chỉ mục: {data['index']}")
    click.echo(f"Số tài liệu: {data['documents']}  ·  Dung lượng văn bản: "
               f"{data['text_chars']:,} ký tự  ·  Kích thước chỉ mục: {data['index_bytes'] / 1e6:.1f} MB")
    for label, key in (("Theo loại", "kinds"), ("Theo định dạng", "formats"), ("Theo năm", "years")):
        items = ", ".join(f"{k}: {v}" for k, v in data[key].items())
        click.echo(f"{label}: {items or '—'}")


@cli.command()
@click.option("--host", default=None, help="Địa chỉ lắng nghe (mặc định 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Cổng (mặc định 5000).")
@click.pass_obj
def serve(config, host, port):
    """Chạy giao diện web và API tại http://HOST:PORT."""
    from kb.analysis.segment import warm_up
    from kb.index.tone_fix import warm_up as warm_tones
    from kb.web import create_app
    from kb.web.server import process_count, serve as run_server

    host = host or config["host"]
    port = port or config["port"]
    create_app({"index": config["index"]})  # settings errors show here, before any fork
    _first_admin(config)
    # The first reader's search would otherwise spend its time budget loading the model and the
    # tone dictionary (and loaded before the processes are forked, their memory is shared
    # between them).
    warm_up()
    warm_tones()
    processes, threads = process_count(config["serve_processes"]), config["serve_threads"]
    click.echo(f"kb đang chạy tại http://{host}:{port} ({processes} tiến trình × {threads} luồng; "
               "Ctrl+C để dừng)")
    try:
        run_server(lambda: _app_watching(config), host, port, threads, processes)
    except OSError as exc:
        raise click.ClickException(f"Không mở được cổng {host}:{port}: {exc.strerror or exc}")


def _app_watching(config):
    """The web app of one `kb serve` process; the first process to ask also watches
    ``watch_dirs`` (kb.service.watch), so only one does."""
    from kb.service.watch import start_in_server
    from kb.web import create_app

    if start_in_server(config) is not None:
        click.echo("Đang theo dõi các thư mục trong watch_dirs: " +
                   ", ".join(str(d) for d in config["watch_dirs"]))
    return create_app({"index": config["index"]})


def _first_admin(config) -> None:
    """On an instance without accounts, create the admin and print its one-time password."""
    from contextlib import closing

    from kb.config import instance_path
    from kb.service import audit
    from kb.service.db import connect_instance
    from kb.service.users import ensure_first_admin

    with closing(connect_instance(config)) as conn:
        password = ensure_first_admin(conn)
        if password is None:
            return
        audit.record(conn, "user.add", target="admin", role="admin", first=True)
    click.echo(f"Đã tạo tài khoản quản trị đầu tiên trong {instance_path(config)}.")
    click.echo(f"  Tên đăng nhập: admin · Mật khẩu dùng một lần: {password}")
    click.echo("  Mật khẩu này chỉ hiện một lần; phải đổi mật khẩu ở lần đăng nhập đầu tiên.")


@cli.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("queries", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("qrels", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def evaluate(config, corpus, queries, qrels, as_json):
    """Đánh giá chất lượng tìm kiếm trên bộ dữ liệu dạng BEIR (corpus, queries, qrels)."""
    from kb.evaluation import evaluate_beir

    result = evaluate_beir(corpus, queries, qrels, config)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"Tài liệu: {result['documents']} · Truy vấn: {result['queries']}")
    for name in ("MRR@10", "hit@1", "hit@10", "nDCG@10"):
        click.echo(f"{name}: {result[name]:.4f}")


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--sector", default=None, help="Chỉ lời Bác dạy về ngành, lĩnh vực này (vd. \"tư pháp\").")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def sayings(config, query, sector, as_json):
    """Lời Bác Hồ dạy trích trong các tài liệu, theo ngành hoặc tìm theo từ khoá QUERY."""
    from kb.index.sayings_view import cited_work, collect_sayings, known_sector, sector_counts
    from kb.index.search import Searcher

    with Searcher(config) as searcher:
        data = collect_sayings(searcher, sector=sector, query=query, paths=True)
        sectors = list(sector_counts(searcher)) if sector and not known_sector(sector) else []
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    if sectors:
        raise click.ClickException(f"Không có ngành, lĩnh vực «{sector}». "
                                   f"Các ngành có lời Bác dạy: {', '.join(sectors)}.")
    click.echo(f"Tìm thấy {data['total']} lời Bác dạy.")
    for saying in data["sayings"]:
        click.echo("")
        click.echo(click.style(f"“{saying['text']}”", bold=True))
        if saying["work"]:
            click.echo(f"  Tác phẩm: {cited_work(saying)}")
        elif saying["year"]:
            click.echo(f"  Năm: {saying['year']}")
        if saying["sectors"]:
            click.echo(f"  Ngành, lĩnh vực: {', '.join(saying['sectors'])}")
        for source in saying["sources"]:
            click.echo(f"  Nguồn: {source['title']} ({source['path']})")


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--unit", default=None, help="Chi bộ, ví dụ \"Khu dân cư số 3\" (có dấu hoặc không).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_obj
def minutes(config, query, unit, as_json):
    """Biên bản sinh hoạt chi bộ: các chi bộ, hoặc các cuộc họp của một chi bộ (tìm theo QUERY)."""
    from kb.index.minutes_view import attendance_label, list_units, unit_timeline
    from kb.index.search import Searcher
    from kb.web.filters import vn_date

    with Searcher(config) as searcher:
        if not unit and not query:
            units = list_units(searcher)
            if as_json:
                click.echo(json.dumps({"units": units}, ensure_ascii=False, indent=1))
                return
            click.echo(f"{len(units)} chi bộ có biên bản trong chỉ mục:")
            for row in units:
                click.echo(f"  {row['unit']}: {row['meetings']} cuộc họp, "
                           f"từ {vn_date(row['first']) or '?'} đến {vn_date(row['last']) or '?'}")
            return
        data = unit_timeline(searcher, unit=unit, query=query, paths=True)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    where = f" của chi bộ «{unit}»" if unit else ""
    if not data["meetings"]:
        click.echo(f"Không tìm thấy biên bản nào{where}" + (f" cho «{query}»." if query else "."))
        return
    if data["relaxed"]:
        click.echo("Không có biên bản chứa tất cả các từ; đây là các kết quả gần nhất.")
    click.echo(f"{data['total']} cuộc họp{where}" + (f" cho «{query}»" if query else "")
               + ", mới nhất trước:")
    for m in data["meetings"]:
        head = " · ".join(x for x in (vn_date(m["date"]), m["time"], m["meeting_type"],
                                      attendance_label(m["attendance"])) if x)
        click.echo("")
        click.echo(click.style(head, bold=True) + (f"  ({m['unit']})" if not unit else ""))
        if m["subject"]:
            click.echo(f"  Chuyên đề: {m['subject']}")
        for label, key in (("Nội dung", "topics"), ("Kết luận", "conclusions")):
            for n, item in enumerate(m[key]):
                click.echo(f"  {label if n == 0 else ' ' * len(label)}: {item}")
        click.echo(f"  id: {m['id']}  ·  {m['path']}")


from kb.cli_service import register as _register_service  # noqa: E402 - after the group exists

_register_service(cli)


def main() -> None:
    """Entry point of the ``kb`` console script."""
    cli(prog_name="kb")
