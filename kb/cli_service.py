"""``kb users ...`` (accounts and API tokens), ``kb backup`` and ``kb worker``: thin commands
over kb.service."""

from __future__ import annotations

import sys
from contextlib import closing
from pathlib import Path

import click

from kb.service import audit, tokens, users
from kb.service.db import connect_instance


def _password(ask: bool, stdin: bool) -> tuple[str, bool]:
    """(password, must change at first login) from a prompt, stdin or a generated one."""
    if stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    if ask:
        return click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu"), False
    return users.one_time_password(), True


_PASSWORD_OPTIONS = [
    click.option("--ask-password", "ask", is_flag=True, help="Hỏi mật khẩu (gõ không hiện)."),
    click.option("--password-stdin", "stdin", is_flag=True,
                 help="Đọc mật khẩu từ dòng đầu của đầu vào chuẩn."),
]


def _password_options(fn):
    for option in reversed(_PASSWORD_OPTIONS):
        fn = option(fn)
    return fn


def _show_one_time(password: str) -> None:
    click.echo(f"Mật khẩu dùng một lần: {password}")
    click.echo("Mật khẩu này chỉ hiện một lần; phải đổi mật khẩu ở lần đăng nhập đầu tiên.")


@click.group()
def users_group():
    """Quản lý tài khoản (quản trị viên, biên tập viên, người đọc) và mã truy cập API."""


@users_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(users.ROLES), default="reader", show_default=True,
              help="Vai trò của tài khoản.")
@_password_options
@click.pass_obj
def add(config, username, role, ask, stdin):
    """Tạo tài khoản USERNAME (mặc định với mật khẩu dùng một lần)."""
    password, one_time = _password(ask, stdin)
    with closing(connect_instance(config)) as conn:
        user = users.add_user(conn, username, password, role, must_change=one_time)
        audit.record(conn, "user.add", target=user.username, role=role)
    click.echo(f"Đã tạo tài khoản «{user.username}» ({users.ROLE_LABELS[role]}).")
    if one_time:
        _show_one_time(password)


@users_group.command("list")
@click.pass_obj
def list_(config):
    """Liệt kê các tài khoản."""
    with closing(connect_instance(config)) as conn:
        found = users.list_users(conn)
    if not found:
        click.echo("Chưa có tài khoản nào.")
    for user in found:
        note = " · phải đổi mật khẩu" if user.must_change_password else ""
        last = user.last_login_at or "chưa đăng nhập"
        click.echo(f"{user.username}\t{users.ROLE_LABELS[user.role]}\tlần đăng nhập cuối: {last}{note}")


@users_group.command("remove")
@click.argument("username")
@click.pass_obj
def remove(config, username):
    """Xoá tài khoản USERNAME và các mã truy cập của nó."""
    with closing(connect_instance(config)) as conn:
        user = users.remove_user(conn, username)
        audit.record(conn, "user.remove", target=user.username)
    click.echo(f"Đã xoá tài khoản «{user.username}».")


@users_group.command("passwd")
@click.argument("username")
@_password_options
@click.pass_obj
def passwd(config, username, ask, stdin):
    """Đặt mật khẩu mới cho USERNAME (mặc định: mật khẩu dùng một lần)."""
    password, one_time = _password(ask, stdin)
    with closing(connect_instance(config)) as conn:
        user = users.set_password(conn, username, password, must_change=one_time)
        audit.record(conn, "user.passwd", target=user.username)
    click.echo(f"Đã đổi mật khẩu của «{user.username}»; các phiên đăng nhập cũ đã kết thúc.")
    if one_time:
        _show_one_time(password)


@users_group.group("token")
def token_group():
    """Mã truy cập API cho các chương trình (Authorization: Bearer ...)."""


@token_group.command("create")
@click.argument("username")
@click.option("--label", default="", help="Ghi chú để nhận ra mã (vd. \"máy chủ báo cáo\").")
@click.pass_obj
def token_create(config, username, label):
    """Tạo mã truy cập mới cho USERNAME; mã chỉ hiện một lần."""
    with closing(connect_instance(config)) as conn:
        user = users.find_user(conn, username)
        token, secret = tokens.create_token(conn, user, label)
        audit.record(conn, "token.create", target=user.username, token=token.id)
    click.echo(f"Mã truy cập số {token.id} của «{user.username}»: {secret}")
    click.echo("Mã này chỉ hiện một lần; hãy lưu lại ngay. Dùng: Authorization: Bearer <mã>")


@token_group.command("list")
@click.argument("username", required=False)
@click.pass_obj
def token_list(config, username):
    """Liệt kê mã truy cập (của USERNAME, hoặc của mọi tài khoản)."""
    with closing(connect_instance(config)) as conn:
        owner = users.find_user(conn, username) if username else None
        found = tokens.list_tokens(conn, owner)
        names = {u.id: u.username for u in users.list_users(conn)}
    if not found:
        click.echo("Chưa có mã truy cập nào.")
    for t in found:
        state = f"đã thu hồi {t.revoked_at}" if t.revoked_at else "đang dùng được"
        click.echo(f"{t.id}\t{names.get(t.user_id, '?')}\t{t.prefix}…\t{t.label or '—'}\t{state}")


@token_group.command("revoke")
@click.argument("token_id", type=int)
@click.pass_obj
def token_revoke(config, token_id):
    """Thu hồi mã truy cập số TOKEN_ID; nó hết hiệu lực ngay."""
    with closing(connect_instance(config)) as conn:
        tokens.revoke_token(conn, token_id)
        audit.record(conn, "token.revoke", token=token_id)
    click.echo(f"Đã thu hồi mã truy cập số {token_id}.")


@click.command("backup")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def backup_command(config, dest):
    """Sao lưu thư mục dữ liệu của dịch vụ (tài khoản, sổ tài liệu, nhật ký...) vào DEST."""
    from kb.config import instance_path
    from kb.service.backup import backup

    source = instance_path(config)
    connect_instance(config).close()  # an instance of an older kb is migrated first
    written = backup(source, dest)
    click.echo(f"Đã sao lưu {source} vào {dest} ({len(written)} tệp).")


@click.command("worker")
@click.option("--once", is_flag=True, help="Chạy hết các tác vụ đang chờ rồi dừng.")
@click.pass_obj
def worker_command(config, once):
    """Bộ nạp: lần lượt chạy các tác vụ nạp tài liệu trong hàng đợi (chỉ một bộ nạp mỗi chỉ mục)."""
    from kb.service.worker import run_worker

    def shown(job):
        state = "xong" if job.status == "done" else f"lỗi: {job.error}"
        click.echo(f"Tác vụ số {job.id} ({job.kind}): {state}")

    if not once:
        click.echo("Bộ nạp đang chờ tác vụ (Ctrl+C để dừng).")
    try:
        done = run_worker(config, once=once, on_job=shown)
    except KeyboardInterrupt:
        return
    click.echo(f"Đã chạy {done} tác vụ.")


def ingest_through_worker(config, paths, rebuild, exclude) -> dict:
    """Queue the ingestion behind the process that writes the index and wait for its report.

    That writer may be a worker, or another ``kb ingest`` that will not run queued jobs: once
    the writer lock is free, this run takes it and runs the queue itself, its own job included.
    """
    import time

    from kb.config import instance_path
    from kb.service import jobs
    from kb.service.worker import process_next
    from kb.service.writer_lock import WriterLock

    lock = WriterLock(instance_path(config))
    with closing(connect_instance(config)) as conn:
        job = jobs.submit(conn, "ingest", {"paths": [str(Path(p).resolve()) for p in paths],
                                           "rebuild": rebuild, "exclude": list(exclude)})
        click.echo(f"Một tiến trình khác (kb worker hoặc kb ingest) đang ghi chỉ mục: đã xếp "
                   f"tác vụ số {job.id} vào hàng đợi; đang chờ kết quả (Ctrl+C thôi chờ, tác "
                   "vụ vẫn còn trong hàng đợi).")
        while job.status not in jobs.FINISHED:
            if lock.acquire():  # the writer is gone: run the queue up to this job
                with lock:
                    jobs.requeue_running(conn)
                    while jobs.get(conn, job.id).status not in jobs.FINISHED:
                        process_next(conn, config)
            else:
                time.sleep(JOB_POLL_SECONDS)  # another process's row: nothing to wait on
            job = jobs.get(conn, job.id)
    if job.status != "done":
        raise click.ClickException(f"Tác vụ số {job.id} không chạy xong: {job.error}")
    return job.report


#: Seconds between two looks at a queued job's state.
JOB_POLL_SECONDS = 0.5


def print_ingest_report(data: dict, config) -> None:
    """What an ingestion did, as `kb ingest` prints it."""
    if data["resumed"]:
        click.echo("Đã làm tiếp lần lập lại chỉ mục trước (bị dừng giữa chừng).")
    if data["rebuilt"]:
        click.echo("Đã tạo lại chỉ mục.")
    click.echo(f"Thêm mới: {len(data['added'])} · Cập nhật: {len(data['updated'])} · "
               f"Xoá: {len(data['removed'])} · Không đổi: {len(data['unchanged'])} · "
               f"Bỏ qua: {len(data['skipped'])} · Lỗi: {len(data['failed'])}")
    for label, key in (("Thêm mới", "added"), ("Cập nhật", "updated"), ("Xoá", "removed")):
        for item in data[key]:
            click.echo(f"  {label}: {item}")
    for path in data["skipped"]:
        click.echo(f"  Bỏ qua (định dạng không hỗ trợ): {path}")
    if data["excluded"]:
        click.echo(f"Bỏ qua {len(data['excluded'])} tệp theo quy tắc loại trừ "
                   "(danh sách mặc định, .kbignore, --exclude).")
    for path, pages in data["ocr_skipped"]:
        click.echo(f"  Chưa nhận dạng chữ {len(pages)} trang quét (vượt giới hạn ocr_max_pages = "
                   f"{config['ocr_max_pages']}): {path}", err=True)
    for path, reason in data["failed"]:
        click.echo(f"  Lỗi: {path}: {reason}", err=True)


def register(cli: click.Group) -> None:
    """Add these commands to the ``kb`` group."""
    cli.add_command(users_group, "users")
    cli.add_command(backup_command, "backup")
    cli.add_command(worker_command, "worker")
