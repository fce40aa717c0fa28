# The crawler as an image: `docker run --rm -v $PWD/data:/data IMAGE crawl --all --store file:///data`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN useradd --create-home --uid 10001 crawler
WORKDIR /app
COPY pyproject.toml README.md scrapy.cfg ./
COPY crawler ./crawler
COPY spiders ./spiders
COPY pipelines ./pipelines
RUN pip install --no-cache-dir .
USER crawler
VOLUME ["/data"]
ENTRYPOINT ["crawler"]
CMD ["crawl", "--all", "--store", "file:///data"]
