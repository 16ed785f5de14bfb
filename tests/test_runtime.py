"""How the container runs, tried without a Docker engine:

- read-only: the entry script serves from a copy of the tree that nobody may write, as a user that
  is not root (uid 65534, able to read everything, write only what it owns: the data folder), with
  HOME and TMPDIR unwritable; strace records every file the processes open for writing, create,
  rename or remove, and all of them are under the data folder;
- SIGTERM: a large CSV export in flight when SIGTERM arrives still arrives whole, new connections
  are refused meanwhile, and the server then exits cleanly;
- the structured access log: one JSON line a request on stderr, uvicorn's own access log off.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from app.db import make_engine
from app.ingest import ingest_paths
from app.migrate import upgrade
from tests.conftest import ROOT, SEEDS
from tests.web.conftest import free_port

BIN = Path(sys.executable).parent
NOBODY = 65534
WRITE_CALLS = "openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,link,linkat,symlink,symlinkat"
WRITE_FLAGS = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC")


def wait_until_up(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else "the server exited"
            assert time.monotonic() < deadline, "the server did not come up"
            time.sleep(0.2)


def get(url: str, **kw) -> tuple[int, bytes]:
    request = urllib.request.Request(url, **kw)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def written_paths(trace: str, cwd: str = "/") -> list[str]:
    """The paths the traced processes opened for writing, created, renamed or removed (`strace -f -y`
    lines; relative paths resolved against each process's working folder; mkdir -p's EEXIST left out)."""
    out = []
    cwds: dict[str, str] = {}
    for line in trace.splitlines():
        pid = line.split(" ", 1)[0]
        m = re.search(r"\b(f?chdir)\((?:\d+<)?\"?([^\">)]*)", line)
        if m and line.rstrip().endswith("= 0"):
            cwds[pid] = os.path.normpath(os.path.join(cwds.get(pid, cwd), m.group(2)))
            continue
        m = re.search(r"\b(openat|open|creat|mkdirat|mkdir|renameat2|renameat|rename|unlinkat|unlink|linkat|link|"
                      r"symlinkat|symlink)\((.*)", line)
        if not m or line.rstrip().endswith("EEXIST (File exists)"):
            continue
        call, args = m.groups()
        if call in ("openat", "open") and not WRITE_FLAGS.search(args):
            continue
        names = re.findall(r'"([^"]*)"', args)[:1 if call in ("openat", "open", "creat", "mkdir", "mkdirat",
                                                                "unlink", "unlinkat") else 2]
        out += [os.path.normpath(os.path.join(cwds.get(pid, cwd), n)) for n in names]
    return out


def read_only_copy(folder: Path) -> Path:
    tree = folder / "app"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("app", "migrations", "templates", "static", "seeds"):
        shutil.copytree(ROOT / name, tree / name, ignore=ignore)
    (tree / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "docker-entrypoint", tree / "scripts" / "docker-entrypoint")
    shutil.copy2(ROOT / "alembic.ini", tree / "alembic.ini")
    subprocess.run(["chmod", "-R", "a-w", str(tree)], check=True)
    return tree


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv to switch users")
def test_the_entry_script_serves_from_a_read_only_tree_as_a_user_that_is_not_root(tmp_path):
    # the image's /app and /data: readable by all, as COPY leaves them (pytest's tmp_path is root's alone)
    image = Path(tempfile.mkdtemp(prefix="dossier-image-"))
    image.chmod(0o755)
    try:
        run_read_only(image, tmp_path)
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(image)], check=True)
        shutil.rmtree(image)


def run_read_only(image: Path, tmp_path: Path) -> None:
    tree = read_only_copy(image)
    data = image / "data"
    data.mkdir()
    os.chown(data, NOBODY, NOBODY)
    data.chmod(0o700)
    port = free_port()
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONUNBUFFERED": "1", "HOME": "/nonexistent", "TMPDIR": str(data / "tmp"), "LANG": "C.UTF-8",
           "DOSSIER_DATABASE_URL": f"sqlite:///{data / 'dossier.db'}", "DOSSIER_HOST": "127.0.0.1",
           "DOSSIER_PORT": str(port), "DOSSIER_INGEST_TOKEN": "read-only-test-token"}
    user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
            "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]  # reads all, writes only its own
    trace = tmp_path / "trace.log"
    strace = ["strace", "-f", "-qq", "-y", "-e", f"trace={WRITE_CALLS},chdir,fchdir", "-o", str(trace)] if shutil.which("strace") else []
    proc = subprocess.Popen([*strace, *user, str(tree / "scripts" / "docker-entrypoint")], env=env, cwd=tree,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(port, proc, 120)
        base = f"http://127.0.0.1:{port}"
        status, body = get(f"{base}/api/articles")
        assert status == 200 and json.loads(body)["total"] == 5
        for path in ["/", "/quotes?speaker=Kim+Jong+Un", "/estimates", "/articles/1", "/search?q=Kim", "/quotes.csv",
                     "/static/app.css", "/docs"]:
            assert get(f"{base}{path}")[0] == 200, path
        # writing through the API, an upload larger than the 1 MB a multipart part is kept in memory
        boundary = uuid.uuid4().hex
        text = ("Das Wetter in der Region blieb am Montag wechselhaft und kühl. " * 19000)[:1_150_000]
        form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
        status, body = get(f"{base}/api/articles", data=form, method="POST", headers={
            "Authorization": "Bearer read-only-test-token", "Content-Type": f"multipart/form-data; boundary={boundary}"})
        assert status == 201, body[:500]
    finally:
        server = proc.pid
        if strace:  # the server is strace's child (setpriv and the entry script exec into it)
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
            server = int(children[0]) if children else proc.pid
        os.kill(server, signal.SIGTERM)
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(server, signal.SIGKILL)  # leave no server behind (strace's child outlives strace)
            proc.kill()
            raise
    output = proc.stdout.read()
    assert code in (0, -signal.SIGTERM), output[-3000:]
    assert "Traceback" not in output, output[-3000:]
    if strace:
        paths = written_paths(trace.read_text(), str(tree))
        outside = sorted({p for p in paths if not p.startswith(str(data)) and not p.startswith("/dev/")})
        assert outside == [], f"written outside the data folder: {outside}"
        assert any(p.startswith(str(data)) for p in paths)  # the trace saw the database being written
    assert (data / "dossier.db").exists() and (data / "tmp").is_dir()
    assert not list(tree.rglob("__pycache__"))


def test_the_image_keeps_temporary_files_on_the_data_volume():
    assert "TMPDIR=/data/tmp" in (ROOT / "Dockerfile").read_text()
    assert 'mkdir -p "$TMPDIR"' in (ROOT / "scripts" / "docker-entrypoint").read_text()


def test_written_paths_reads_strace_lines():
    trace = '\n'.join([
        '12 openat(AT_FDCWD</app>, "/data/dossier.db-wal", O_RDWR|O_CREAT|O_NOFOLLOW|O_CLOEXEC, 0644) = 5</data/x>',
        '12 openat(AT_FDCWD</app>, "/app/app/config.py", O_RDONLY|O_CLOEXEC) = 3</app/app/config.py>',
        '13 mkdir("/nonexistent/.cache", 0777) = -1 ENOENT (No such file or directory)',
        '13 renameat2(AT_FDCWD</app>, "/tmp/a", AT_FDCWD</app>, "/tmp/b", 0) = 0',
        '14 mkdir("/data", 0777)               = -1 EEXIST (File exists)',
        '14 chdir("/data") = 0',
        '14 mkdir("tmp", 0777)                = 0',
        '15 openat(AT_FDCWD</app>, "cache.bin", O_WRONLY|O_CREAT, 0644) = -1 EACCES (Permission denied)',
    ])
    assert written_paths(trace, "/app") == ["/data/dossier.db-wal", "/nonexistent/.cache", "/tmp/a", "/tmp/b",
                                            "/data/tmp", "/app/cache.bin"]


# --- SIGTERM with a request in flight ------------------------------------------------------------


@pytest.fixture
def big_database(tmp_path) -> tuple[str, int]:
    """The seeds, their quotes copied until the CSV export is several megabytes."""
    db = tmp_path / "big.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    engine = make_engine(url)
    ingest_paths(engine, [SEEDS])
    engine.dispose()
    con = sqlite3.connect(db)
    columns = "article_id, speaker_id, speaker_text, text, kind, cue, start, \"end\", speaker_start, speaker_end, " \
              "cue_start, cue_end, rejected, corrected"
    while con.execute("SELECT count(*) FROM quote").fetchone()[0] < 12_000:
        con.execute(f"INSERT INTO quote ({columns}) SELECT {columns} FROM quote")  # noqa: S608
    con.commit()
    n = con.execute("SELECT count(*) FROM quote WHERE NOT rejected").fetchone()[0]
    con.close()
    return url, n


def read_chunked(sock: socket.socket, first: bytes) -> tuple[bytes, bytes]:
    """Headers and the whole de-chunked body of one HTTP/1.1 response, read to the end."""
    data = first
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, rest = data.split(b"\r\n\r\n", 1)
    body = b""
    while True:
        while b"\r\n" not in rest:
            chunk = sock.recv(65536)
            assert chunk, "the connection closed in the middle of the response"
            rest += chunk
        size_line, rest = rest.split(b"\r\n", 1)
        size = int(size_line.split(b";")[0], 16)
        while len(rest) < size + 2:
            chunk = sock.recv(65536)
            assert chunk, "the connection closed in the middle of a chunk"
            rest += chunk
        body, rest = body + rest[:size], rest[size + 2:]
        if size == 0:
            return head, body


def test_sigterm_lets_a_large_export_in_flight_finish(big_database, tmp_path):
    url, quotes = big_database
    port = free_port()
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT), "DOSSIER_DATABASE_URL": url,
           "DOSSIER_LOAD_SEEDS": "false"}
    proc = subprocess.Popen([str(BIN / "dossier"), "serve", "--port", str(port)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(port, proc)
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a slow reader: the server must wait for us
        sock.settimeout(60)
        sock.connect(("127.0.0.1", port))
        sock.sendall(f"GET /quotes.csv HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        first = sock.recv(2048)
        assert first.startswith(b"HTTP/1.1 200"), first[:200]
        proc.send_signal(signal.SIGTERM)
        time.sleep(1.5)
        assert proc.poll() is None, "the server quit with a response in flight"
        with pytest.raises(OSError):  # no new connection is taken meanwhile
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        head, body = read_chunked(sock, first)
        sock.close()
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    output = proc.stdout.read()
    rows = body.decode("utf-8").splitlines()
    assert len(body) > 3_000_000
    assert rows[0].startswith("quote,kind,speaker") and len(rows) - 1 >= quotes
    assert code in (0, -signal.SIGTERM), output[-2000:]
    log = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    export = [r for r in log if r["path"] == "/quotes.csv"]
    assert len(export) == 1 and export[0]["status"] == 200 and "error" not in export[0]
    assert export[0]["duration_ms"] > 1000  # it was still being sent when SIGTERM came
    assert '"GET /quotes.csv HTTP/1.1" 200' not in output  # uvicorn's own access line is off
    assert "Finished server process" in output
