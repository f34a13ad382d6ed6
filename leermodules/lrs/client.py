"""The xAPI statements resource of an LRS, over HTTP with the standard library.

`post` stores a batch; `query` reads statements page by page, following the LRS's `more` link.
Every failure is an `LrsError` whose `kind` says what to do about it: ``offline`` (try again
later), ``auth`` (credentials refused), ``rejected`` (the LRS refused the statements), ``server``
(the LRS failed; try again later). A statement the LRS already holds counts as stored: xAPI says
an LRS keeps the first statement with an id, and answers 409 Conflict for a different one with the
same id (a statement sent again after the learner changed what they share).
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal
from urllib.parse import urlencode, urljoin

from engine.xapi import VERSION

ErrorKind = Literal["offline", "auth", "rejected", "server"]
MAX_PAGES = 100_000  # a `more` link that never ends is an LRS fault, not a reason to loop for ever


class LrsError(Exception):
    def __init__(self, kind: ErrorKind, detail: str):
        self.kind = kind
        self.detail = detail
        super().__init__(f"{kind}: {detail}")


class LrsClient:
    def __init__(self, endpoint: str, username: str, password: str, *, timeout: float = 30.0):
        self.endpoint = endpoint if endpoint.endswith("/") else endpoint + "/"
        self.timeout = timeout
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        self._headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": VERSION,
            "Accept": "application/json",
        }

    @property
    def statements_url(self) -> str:
        return urljoin(self.endpoint, "statements")

    def post(self, statements: Sequence[Mapping[str, Any]]) -> None:
        """Store `statements` in the LRS; those it already holds count as stored."""
        if not statements:
            return
        status, body = self._request("POST", self.statements_url, json.dumps(list(statements), ensure_ascii=False).encode())
        if status == 409 and len(statements) > 1:
            for statement in statements:  # one already there blocks the batch: send one by one
                self.post([statement])
            return
        if status in (200, 204, 409):
            return
        raise self._error(status, body)

    def query(self, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every statement matching `params`, page after page."""
        url = f"{self.statements_url}?{urlencode(dict(params))}"
        for _ in range(MAX_PAGES):
            status, body = self._request("GET", url)
            if status != 200:
                raise self._error(status, body)
            try:
                page = json.loads(body)
                statements = page["statements"]
                more = page.get("more") or ""
                if not isinstance(statements, list) or not isinstance(more, str):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                raise LrsError("server", "geen geldig xAPI-antwoord (StatementResult)") from None
            yield from (s for s in statements if isinstance(s, dict))
            if not more or not statements:
                return
            url = urljoin(self.statements_url, more)
        raise LrsError("server", "de LRS blijft nieuwe pagina's geven")

    def about(self) -> None:
        """Check that the LRS answers and takes the credentials (a one-statement query)."""
        status, body = self._request("GET", f"{self.statements_url}?limit=1")
        if status != 200:
            raise self._error(status, body)

    def _request(self, method: str, url: str, data: bytes | None = None) -> tuple[int, bytes]:
        headers = dict(self._headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - the learner's own LRS URL
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()
        except (TimeoutError, urllib.error.URLError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LrsError("offline", str(reason)) from None

    @staticmethod
    def _error(status: int, body: bytes) -> LrsError:
        detail = body[:300].decode("utf-8", "replace").strip()
        if status in (401, 403):
            return LrsError("auth", f"HTTP {status}")
        if 400 <= status < 500:
            return LrsError("rejected", f"HTTP {status}: {detail}")
        return LrsError("server", f"HTTP {status}: {detail}")
