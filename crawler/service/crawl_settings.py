"""Scrapy settings of the crawls the service runs: the project's (`crawler.settings`), with every server a
crawl could open off. Scrapy's remote-control server (on by default in the Scrapy we run) runs Python code sent to
a local port and writes that port and its token to a job file; the telnet console is a Python shell.
"""

from __future__ import annotations

from crawler.settings import *  # noqa: F403

REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
