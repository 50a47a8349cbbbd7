# Trigger Map's image: the app (deploy/start-app.sh: one Streamlit process with the production
# settings of deploy/streamlit.toml) run by an unprivileged user. compose.yaml runs it three times
# behind nginx, which comes from the same image (deploy/start-nginx.sh fills in deploy/nginx.conf),
# so the containers and the local cluster (deploy/local-cluster.sh) share their files.
#   docker build -t trigger-map .
#   docker run -p 8501:8501 -e TRIGGER_MAP_DB=postgresql+psycopg://... trigger-map
FROM python:3.11-slim-bookworm

# nginx for the proxy container (Debian's, as on a server); nothing else from Debian is needed:
# psycopg brings its own libpq, the handout's fonts are in assets/fonts.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin trigger-map

WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    TRIGGER_MAP_PYTHON=/app/.venv/bin/python

# The locked packages (every one pinned, with its hashes) first, so a change to the code does not
# reinstall them. The app and its command line run from /app (python -m ui.serve, python -m trigger_map).
COPY requirements.lock ./
RUN python -m venv /app/.venv \
    && /app/.venv/bin/pip install --no-cache-dir --disable-pip-version-check --require-hashes -r requirements.lock

COPY --chown=root:root . .
USER trigger-map

EXPOSE 8501
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["/app/.venv/bin/python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=3).read() != b'ok')"]
CMD ["bash", "deploy/start-app.sh", "8501", "0.0.0.0"]
