# Dossier: the dashboard on an embedded SQLite database kept on the /data volume.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DOSSIER_DATABASE_URL=sqlite:////data/dossier.db \
    TMPDIR=/data/tmp \
    DOSSIER_HOST=0.0.0.0 \
    DOSSIER_PORT=8000

RUN groupadd --system --gid 10001 dossier \
 && useradd --system --uid 10001 --gid dossier --home-dir /app --shell /usr/sbin/nologin dossier \
 && mkdir -p /data \
 && chown dossier:dossier /data

WORKDIR /app

# Dependencies first, so that a change to the code does not reinstall them.
COPY pyproject.toml README.md ./
COPY app/__init__.py app/__init__.py
RUN pip install --no-cache-dir -e .

COPY alembic.ini ./
COPY app app
COPY migrations migrations
COPY templates templates
COPY static static
COPY seeds seeds
COPY scripts/docker-entrypoint scripts/docker-entrypoint

USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/scripts/docker-entrypoint"]
