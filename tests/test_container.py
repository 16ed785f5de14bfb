"""The container, as far as it can be tried without a Docker engine: the Dockerfile is linted with
hadolint, and its entry script is run for real against a fresh database."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.web.conftest import free_port

BIN = Path(sys.executable).parent


def test_dockerfile_is_hadolint_clean():
    result = subprocess.run([str(BIN / "hadolint"), "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_declares_what_the_deployment_needs():
    text = (ROOT / "Dockerfile").read_text()
    assert "slim" in text.splitlines()[1]
    for line in ['VOLUME ["/data"]', "EXPOSE 8000", "HEALTHCHECK", "/healthz", "USER 10001:10001",
                 'ENTRYPOINT ["/app/scripts/docker-entrypoint"]']:
        assert line in text


def get(url: str):
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.status, r.read()


def test_entry_script_migrates_loads_the_seeds_and_serves(tmp_path):
    port = free_port()
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
           "DOSSIER_DATABASE_URL": f"sqlite:///{tmp_path / 'data' / 'dossier.db'}",
           "DOSSIER_HOST": "127.0.0.1", "DOSSIER_PORT": str(port)}
    proc = subprocess.Popen([str(ROOT / "scripts" / "docker-entrypoint")], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
        assert status == 200 and json.loads(body) == {"status": "ok"}
        _, body = get(f"http://127.0.0.1:{port}/api/articles")
        assert json.loads(body)["total"] == 5
        assert (tmp_path / "data" / "dossier.db").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=20)
    output = proc.stdout.read()
    # uvicorn finishes in-flight requests, then re-raises SIGTERM: exit status 0 or -SIGTERM
    assert code in (0, -signal.SIGTERM), output
    assert "Finished server process" in output
