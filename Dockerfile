# The crawler service as an image: the nightly schedule, the HTTP API and the run history in one process.
#   docker build -t vn-news-crawler .
#   docker run -d -p 8080:8080 -v "$PWD/data:/data" -e CRAWLER_API_TOKEN --stop-timeout 30 vn-news-crawler
# One-shot crawls still work: docker run --rm -v "$PWD/data:/data" vn-news-crawler crawl --all --store file:///data
# The base image: the tag says what it is, a digest (@sha256:...) what it was. The digest goes on this one
# line, after the tag: `make pin-base` writes the current one (it needs Docker Hub; see README, Docker).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# A fixed numeric uid/gid, so a bind-mounted ./data can be chowned to it (chown 10001:10001 data).
RUN groupadd --gid 10001 crawler \
    && useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin crawler \
    && mkdir /data \
    && chown 10001:10001 /data
WORKDIR /app
# Exactly the locked dependencies (requirements.lock, from pyproject by `make lock`): every file's hash is
# checked and nothing is resolved, so a rebuild installs the same files. Its own layer: code edits keep it.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md scrapy.cfg ./
COPY crawler ./crawler
COPY spiders ./spiders
COPY pipelines ./pipelines
# The project itself, built by the locked setuptools without resolving anything again; pip check fails the
# build if the lock lacks a dependency.
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && pip check
USER 10001:10001
# Articles, rejects, the run history (service.sqlite) and each run's log and stats (runs/).
VOLUME ["/data"]
EXPOSE 8080
# slim has no curl: ask /healthz with the interpreter that is already there.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; r = urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4); sys.exit(r.status != 200)"]
# SIGTERM: the service stops taking work, lets running crawls stop (grace 20 s), then exits; give docker stop
# more than that (--stop-timeout 30, or stop_grace_period in compose).
STOPSIGNAL SIGTERM
ENTRYPOINT ["crawler"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--store", "file:///data", "--state", "/data/service.sqlite"]
